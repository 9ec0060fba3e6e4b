/*
 * The few Graph API calls the Cloud API channel makes, with fetch (runs on Node and Workers).
 * The base is `WA_CLOUD_API_ROOT` plus the version (`WA_CLOUD_API_VERSION`, default below), unless the
 * root already ends in one; tests point it at a local stand-in.
 */

/**
 * The default Graph API version: v25.0 (released 18 February 2026, available until 29 July 2028 by
 * Meta's version table, checked December 2026). Move on before then; Meta's changelog lists versions.
 */
export const DEFAULT_GRAPH_VERSION = 'v25.0';

/** Meta's media hosts answer requests without a User-Agent with a web page instead of the file. */
export const USER_AGENT = 'Jembatan/1.0 (WhatsApp Cloud API client)';

const VERSION_AT_END = /\/(v\d+\.\d+)\/?$/;

/** `https://graph.facebook.com` + `v25.0` → `https://graph.facebook.com/v25.0`; a root with a version stays. */
export function graphApiBase(root: string, version: string | undefined): string {
  const trimmed = root.replace(/\/+$/, '');
  const named = VERSION_AT_END.exec(trimmed)?.[1];
  if (named && version && named !== version)
    throw new Error(`WA_CLOUD_API_ROOT ends in ${named} but WA_CLOUD_API_VERSION is ${version}`);
  return named ? trimmed : `${trimmed}/${version ?? DEFAULT_GRAPH_VERSION}`;
}

export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphApiOptions {
  root: string;
  accessToken: string;
  phoneNumberId: string;
}

export class GraphApi {
  private readonly root: string;

  constructor(private readonly options: GraphApiOptions) {
    this.root = options.root.replace(/\/+$/, '');
  }

  /** POST /{phone-number-id}/messages → the new message's `wamid`. */
  async sendMessage(body: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const result = await this.call<{ messages?: Array<{ id?: string }> }>(
      `${this.options.phoneNumberId}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
      },
      signal,
    );
    const id = result.messages?.[0]?.id;
    if (!id) throw new GraphApiError(200, undefined, 'no message id in the response');
    return id;
  }

  /** POST /{phone-number-id}/media (multipart) → a media id to send. */
  async uploadMedia(
    data: Uint8Array,
    mimeType: string,
    fileName: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    form.set('file', new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeType }), fileName);
    const result = await this.call<{ id?: string }>(
      `${this.options.phoneNumberId}/media`,
      { method: 'POST', body: form },
      signal,
    );
    if (!result.id) throw new GraphApiError(200, undefined, 'no media id in the response');
    return result.id;
  }

  /** Downloads received media: GET /{media-id} gives a short-lived URL, fetched with the same token. */
  async downloadMedia(
    mediaId: string,
    signal?: AbortSignal,
  ): Promise<{ data: Uint8Array; mimeType?: string }> {
    const meta = await this.call<{ url?: string; mime_type?: string }>(
      encodeURIComponent(mediaId),
      { method: 'GET' },
      signal,
    );
    if (!meta.url) throw new GraphApiError(200, undefined, 'no media url in the response');
    const response = await fetch(meta.url, { headers: this.headers(), ...(signal ? { signal } : {}) });
    if (!response.ok) throw new GraphApiError(response.status, undefined, `media download failed`);
    // What came back must be the file: a web page (a refused request, an expired URL) or another type
    // than the media's own is not.
    const type = mediaType(response.headers.get('content-type'));
    if (type === 'text/html' || (type && meta.mime_type && !sameMedia(type, mediaType(meta.mime_type))))
      throw new GraphApiError(response.status, undefined, `media download returned ${type}, not the file`);
    return {
      data: new Uint8Array(await response.arrayBuffer()),
      ...(meta.mime_type ? { mimeType: meta.mime_type } : {}),
    };
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.accessToken}`, 'user-agent': USER_AGENT };
  }

  private async call<T>(path: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${this.root}/${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...this.headers() },
      ...(signal ? { signal } : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = {};
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: number; message?: string } }).error;
      throw new GraphApiError(response.status, error?.code, error?.message ?? `HTTP ${response.status}`);
    }
    return json as T;
  }
}

/** `image/jpeg; charset=…` → `image/jpeg`. */
function mediaType(header: string | null | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** The download's type matches the media's (a generic binary type is accepted: some CDNs send it). */
function sameMedia(got: string, expected: string | undefined): boolean {
  return !expected || got === expected || got === 'application/octet-stream' || got === 'binary/octet-stream';
}

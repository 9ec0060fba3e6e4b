/*
 * The few Graph API calls the Cloud API channel makes, with fetch (runs on Node and Workers).
 * `WA_CLOUD_API_ROOT` includes the version (`https://graph.facebook.com/v21.0`); tests point it at a
 * local stand-in.
 */

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
    const response = await fetch(meta.url, { headers: this.auth(), ...(signal ? { signal } : {}) });
    if (!response.ok) throw new GraphApiError(response.status, undefined, `media download failed`);
    return {
      data: new Uint8Array(await response.arrayBuffer()),
      ...(meta.mime_type ? { mimeType: meta.mime_type } : {}),
    };
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.options.accessToken}` };
  }

  private async call<T>(path: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${this.root}/${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...this.auth() },
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

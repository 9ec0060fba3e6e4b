/*
 * How a delivery goes over the network: one POST, its status and the start of the answer. The default
 * is the Web-standard fetch (Workers, tests); the Node entry passes a node:http client
 * (src/platform/webhook-post.nodejs.ts), which costs a third of fetch's CPU per request.
 */

export interface PostRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Aborted on timeout or when the process stops. */
  signal: AbortSignal;
}

export interface PostAnswer {
  status: number;
  /** The start of the answer's body (what the receiver said), at most a few KB. */
  text: string;
}

/** Throws when there is no answer (unreachable, aborted); never follows a redirect. */
export type WebhookPost = (request: PostRequest) => Promise<PostAnswer>;

/** What is kept of an answer. */
export const ANSWER_LIMIT = 4096;

export const fetchPost: WebhookPost = async ({ url, body, headers, signal }) => {
  const res = await fetch(url, { method: 'POST', body, headers, signal, redirect: 'manual' });
  return { status: res.status, text: await readStart(res) };
};

/** The start of an answer, without reading a large body. */
async function readStart(res: Response): Promise<string> {
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  if (!res.body) return '';
  if (Number.isFinite(length) && length <= ANSWER_LIMIT) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (size >= ANSWER_LIMIT) await reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all.subarray(0, ANSWER_LIMIT));
}

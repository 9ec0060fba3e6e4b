import http from 'node:http';
import https from 'node:https';
import { ANSWER_LIMIT, type PostRequest, type WebhookPost } from '../webhooks/post';

/*
 * Webhook deliveries from the Node process over node:http(s) with keep-alive agents: a third of the CPU
 * fetch spends per request (measured in `npm run bench`, section outbound). Workers use fetch. (Not
 * `.node.ts`: Node would take `.node` for a native addon.)
 */

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};
/** An answer larger than this is cut off (its connection is closed rather than read to the end). */
const MAX_READ = 256 * 1024;

function once(request: PostRequest): Promise<{ status: number; text: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const target = new URL(request.url);
    const lib = target.protocol === 'https:' ? https : http;
    const agent = agents[target.protocol as keyof typeof agents];
    const req = lib.request(
      target,
      {
        method: 'POST',
        agent,
        signal: request.signal,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= ANSWER_LIMIT) chunks.push(chunk);
          else if (size > MAX_READ) res.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8', 0, ANSWER_LIMIT),
            reused: req.reusedSocket,
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', reject);
      },
    );
    req.on('error', (error) => reject(Object.assign(error, { reused: req.reusedSocket })));
    req.end(request.body);
  });
}

/**
 * A kept-alive connection the receiver closed just as it was reused fails with ECONNRESET before the
 * request reached it: that one is sent again at once on a new connection (the Node documentation's
 * advice). Anything else is the receiver's answer, or a failure the dispatcher retries later.
 */
export const nodePost: WebhookPost = async (request) => {
  try {
    return await once(request);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { reused?: boolean };
    if (e.reused && e.code === 'ECONNRESET' && !request.signal.aborted) return once(request);
    throw error;
  }
};

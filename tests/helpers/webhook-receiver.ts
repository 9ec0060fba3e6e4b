import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** One request the receiver got. */
export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The parsed body when the signature verified with the path's secret (the off-the-shelf verifier). */
  payload: { type: string; timestamp: string; data: Record<string, unknown> } | undefined;
  /** Why verification failed, if it did. */
  rejected: string | undefined;
  /** performance.now() on arrival. */
  at: number;
}

/** What the receiver answers: a status, optionally after a delay (a slow or hanging system). */
export type Answer = { status: number; body?: string; delayMs?: number };

/**
 * An organisation's own system, as tests need it: a local HTTP server that verifies every request with
 * the `standardwebhooks` package (as a receiver would), records it, and answers as told per path.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly answers = new Map<string, (request: Received, n: number) => Answer>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        async ({ status, body, delayMs }) => {
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
        },
        () => res.writeHead(500).end(),
      );
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The path's signing secret (what the dashboard or the API showed once). */
  secret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  /** How the path answers its n-th request (1-based); default 200. */
  answer(path: string, behaviour: (request: Received, n: number) => Answer): void {
    this.answers.set(path, behaviour);
  }

  /** Requests to a path that verified, in arrival order. */
  verified(path: string): Received[] {
    return this.received.filter((r) => r.path === path && r.payload);
  }

  /** Payload types received (verified) on a path. */
  types(path: string): string[] {
    return this.verified(path).map((r) => r.payload!.type);
  }

  reset(): void {
    this.received.length = 0;
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const path = (req.url ?? '/').split('?')[0]!;
    const secret = this.secrets.get(path);
    let payload: Received['payload'];
    let rejected: string | undefined;
    try {
      if (!secret) throw new WebhookVerificationError('no secret for this path');
      payload = new Webhook(secret).verify(body, headers) as Received['payload'];
    } catch (error) {
      rejected = (error as Error).message;
    }
    const request: Received = { path, headers, body, payload, rejected, at: performance.now() };
    this.received.push(request);
    const n = this.received.filter((r) => r.path === path).length;
    return this.answers.get(path)?.(request, n) ?? { status: 200, body: 'ok' };
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBody } from '../../src/channels/whatsapp/cloud/signature';

export const CLOUD_PHONE_ID = '109876543210';
export const CLOUD_TOKEN = 'EAAG-test-token';
export const CLOUD_APP_SECRET = 'app-secret-0123456789abcdef';
export const CLOUD_VERIFY_TOKEN = 'verify-me_123';

export interface GraphCall {
  method: string;
  path: string;
  auth: string | undefined;
  userAgent: string | undefined;
  body: Record<string, unknown>;
  raw: string;
}

type Behaviour = (call: GraphCall) => { status: number; body: unknown; type?: string } | undefined;

/** A local stand-in for the Graph API (`WA_CLOUD_API_ROOT` points at it), recording every call. */
export class GraphApiStandIn {
  readonly calls: GraphCall[] = [];
  behaviour: Behaviour | undefined;
  private server: Server | undefined;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, type }) => {
        // Bytes without a stated type go out as a generic binary type, as a CDN would send them.
        const fallback = Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json';
        res.writeHead(status, { 'content-type': type ?? fallback });
        res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  reset(): void {
    this.calls.length = 0;
    this.behaviour = undefined;
  }

  /** Messages sent to one number (digits), in order. */
  messagesTo(to?: string): Array<Record<string, unknown>> {
    return this.calls
      .filter((c) => c.path.endsWith('/messages') && (to === undefined || c.body.to === to))
      .map((c) => c.body);
  }

  /** What a person would read: text bodies, and the body of interactive messages. */
  texts(to?: string): string[] {
    return this.messagesTo(to).map((m) => {
      if (m.type === 'text') return String((m.text as { body: string }).body);
      if (m.type === 'interactive') return String((m.interactive as { body: { text: string } }).body.text);
      return `[${String(m.type)}]`;
    });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; type?: string }> {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    let body: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw);
    const call: GraphCall = {
      method: req.method ?? 'GET',
      path,
      auth: req.headers.authorization,
      userAgent: req.headers['user-agent'],
      body,
      raw,
    };
    this.calls.push(call);
    const custom = this.behaviour?.(call);
    if (custom) return custom;
    if (call.auth !== `Bearer ${CLOUD_TOKEN}`)
      return { status: 401, body: { error: { code: 190, message: 'Invalid OAuth access token' } } };
    if (path === `/v21.0/${CLOUD_PHONE_ID}/messages`)
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: `wamid.TEST${this.nextId++}` }],
        },
      };
    if (path === `/v21.0/${CLOUD_PHONE_ID}/media`)
      return { status: 200, body: { id: `media-${this.nextId++}` } };
    const media = /^\/v21\.0\/(media-in-\w+)$/.exec(path);
    if (media)
      return {
        status: 200,
        body: { url: `${this.url}/files/${media[1]}`, mime_type: 'image/jpeg', id: media[1] },
      };
    if (path.startsWith('/v21.0/files/'))
      return { status: 200, body: Buffer.from('JPEGDATA'), type: 'image/jpeg' };
    return { status: 404, body: { error: { code: 100, message: 'Unknown path' } } };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/* Webhook bodies as Meta posts them. */

let counter = 0;
export function wamid(): string {
  counter += 1;
  return `wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA${Date.now().toString(36)}${counter}`;
}

export interface CloudPerson {
  waId: string;
  name?: string;
}

export function webhookBody(value: Record<string, unknown>, phoneNumberId = CLOUD_PHONE_ID) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1234567890',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6281100000002', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function messageBody(p: CloudPerson, message: Record<string, unknown>, id = wamid()) {
  return webhookBody({
    contacts: [{ profile: { name: p.name ?? 'Sari' }, wa_id: p.waId }],
    messages: [{ from: p.waId, id, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
  });
}

export const textBody = (p: CloudPerson, text: string, id?: string) =>
  messageBody(p, { type: 'text', text: { body: text } }, id);

export const buttonReplyBody = (p: CloudPerson, replyId: string, title: string) =>
  messageBody(p, {
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: replyId, title } },
  });

export const listReplyBody = (p: CloudPerson, replyId: string, title: string) =>
  messageBody(p, {
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: replyId, title, description: '' } },
  });

export const statusBody = (
  recipient: string,
  id: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  errors?: Array<{ code: number; title: string }>,
) =>
  webhookBody({
    statuses: [
      {
        id,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipient,
        ...(errors ? { errors } : {}),
      },
    ],
  });

export function signed(body: unknown, secret = CLOUD_APP_SECRET): { raw: string; signature: string } {
  const raw = JSON.stringify(body);
  return { raw, signature: signBody(raw, secret) };
}

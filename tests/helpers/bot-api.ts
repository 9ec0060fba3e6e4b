import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotApiCall {
  method: string;
  token: string;
  /** JSON body, or the raw multipart text for uploads. */
  body: Record<string, unknown>;
  raw: string;
  at: number;
}

/** An answer, or `drop`: the connection is cut after the request arrived (the outcome is unknown to the bot). */
type Answer = { status: number; body: unknown } | { drop: true };
type Behaviour = (call: BotApiCall) => Answer | undefined | Promise<Answer | undefined>;

/**
 * A local stand-in for the Telegram Bot API (`TELEGRAM_API_ROOT` points at it): answers like
 * Telegram, records every call, and can be told to be slow or to fail.
 */
export class BotApiStandIn {
  readonly calls: BotApiCall[] = [];
  delayMs = 0;
  behaviour: Behaviour | undefined;
  /** Keep every call (tests) or only counts and the last message per captured chat (benchmarks). */
  keepCalls = true;
  private readonly counts = new Map<string, number>();
  private readonly captured = new Map<string, BotApiCall>();
  private server: Server | undefined;
  private nextMessageId = 1000;
  private nextThreadId = 500;
  /** Files people "sent": getFile answers for these ids, and `/file/bot<token>/<path>` serves the bytes. */
  private readonly files = new Map<string, { path: string; data: Uint8Array }>();
  /** How many times a file's bytes were fetched. */
  fileDownloads = 0;
  /**
   * Flood control like Telegram's: more than `perSecond` messages in any sliding second are answered
   * 429 with `retry_after` (benchmarks and pacing tests). Off when undefined.
   */
  rateLimit: { perSecond: number; retryAfter: number } | undefined;
  /** 429 answers given, and when (performance.now()). */
  readonly tooManyRequests: number[] = [];
  /** Messages accepted per chat (counted even when `keepCalls` is off: duplicates show here). */
  readonly deliveredTo = new Map<string, number>();
  /** When each accepted message arrived (performance.now()), in order. */
  readonly acceptedAt: number[] = [];
  private readonly window: number[] = [];
  url = '';

  /** Makes a file available as Telegram would after an upload: `fileId` is what the Update carries. */
  addFile(fileId: string, data: Uint8Array, path = `documents/${fileId}`): void {
    this.files.set(fileId, { path, data });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const file = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? '');
      if (file) {
        const found = [...this.files.values()].find((f) => f.path === decodeURIComponent(file[1]!));
        this.fileDownloads++;
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/octet-stream' });
        res.end(found ? Buffer.from(found.data) : '');
        return;
      }
      void this.handle(req).then((answer) => {
        if ('drop' in answer) {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    // Like Telegram, keep idle connections open for a while. (Node's default, 5 s, races with a test
    // process whose event loop PGlite blocks for seconds: the server closes a connection in the same
    // timer phase in which the bot reuses it, and the reset makes the outcome of that send unknown.)
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Remember the last sendMessage to this chat even when `keepCalls` is off. */
  capture(chatId: number | string): void {
    this.captured.set(String(chatId), undefined as unknown as BotApiCall);
  }

  lastTo(chatId: number | string): BotApiCall | undefined {
    return this.captured.get(String(chatId));
  }

  reset(): void {
    this.calls.length = 0;
    this.tooManyRequests.length = 0;
    this.deliveredTo.clear();
    this.acceptedAt.length = 0;
    this.window.length = 0;
    this.rateLimit = undefined;
    this.delayMs = 0;
    this.behaviour = undefined;
  }

  /** Calls of one method, optionally to one chat. */
  sent(method = 'sendMessage', chatId?: number | string): BotApiCall[] {
    return this.calls.filter(
      (c) => c.method === method && (chatId === undefined || String(c.body.chat_id) === String(chatId)),
    );
  }

  /** Calls (any method) into one forum topic of a group: `message_thread_id` equal to `threadId`. */
  inThread(chatId: number | string, threadId: number): BotApiCall[] {
    return this.calls.filter(
      (c) => String(c.body.chat_id) === String(chatId) && Number(c.body.message_thread_id) === threadId,
    );
  }

  /** Texts the bot sent to a chat, in order. */
  texts(chatId?: number | string): string[] {
    return this.sent('sendMessage', chatId).map((c) => String(c.body.text));
  }

  /** Waits until `predicate` holds over the calls (the dispatcher sends in the background). */
  async waitFor(predicate: (calls: BotApiCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > end)
        throw new Error(
          `Bot API stand-in: condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * A method the bot gave in its answer to a webhook (a "webhook reply"): Telegram runs it as if it had
   * been called, without telling the bot the outcome. The harness hands such answers here.
   */
  webhookReply(answer: Record<string, unknown>): void {
    const { method, ...body } = answer;
    const call: BotApiCall = {
      method: String(method),
      token: 'webhook-reply',
      body,
      raw: '',
      at: Date.now(),
    };
    if (this.keepCalls) this.calls.push(call);
    this.counts.set(call.method, (this.counts.get(call.method) ?? 0) + 1);
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const raw = await readBody(req);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    const [, token, method] = match;
    let body: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw);
    else if (raw) body = parseMultipart(raw);
    const call: BotApiCall = { method: method!, token: token!, body, raw, at: Date.now() };
    if (this.keepCalls) this.calls.push(call);
    this.counts.set(call.method, (this.counts.get(call.method) ?? 0) + 1);
    const chat = String(body.chat_id ?? '');
    if (call.method === 'sendMessage' && this.captured.has(chat)) this.captured.set(chat, call);
    const sending = call.method === 'sendMessage' || call.method === 'sendDocument';
    if (sending && this.rateLimit) {
      const now = performance.now();
      while (this.window.length && this.window[0]! <= now - 1000) this.window.shift();
      if (this.window.length >= this.rateLimit.perSecond) {
        this.tooManyRequests.push(now);
        const retry_after = this.rateLimit.retryAfter;
        return {
          status: 429,
          body: {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retry_after}`,
            parameters: { retry_after },
          },
        };
      }
      this.window.push(now);
    }
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const custom = await this.behaviour?.(call);
    if (custom) return custom;
    if (sending) {
      this.deliveredTo.set(chat, (this.deliveredTo.get(chat) ?? 0) + 1);
      this.acceptedAt.push(performance.now());
    }
    if (call.method === 'getFile' && !this.files.has(String(body.file_id)))
      return {
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' },
      };
    return { status: 200, body: { ok: true, result: this.result(call) } };
  }

  private result(call: BotApiCall): unknown {
    switch (call.method) {
      case 'getMe':
        return {
          id: 4242,
          is_bot: true,
          first_name: 'Jembatan',
          username: 'jembatan_test_bot',
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'getFile': {
        const file = this.files.get(String(call.body.file_id));
        return file
          ? {
              file_id: call.body.file_id,
              file_unique_id: `u-${call.body.file_id}`,
              file_size: file.data.byteLength,
              file_path: file.path,
            }
          : undefined;
      }
      case 'createForumTopic':
        return {
          message_thread_id: this.nextThreadId++,
          name: call.body.name,
          icon_color: call.body.icon_color ?? 7322096,
        };
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(call.body.chat_id), type: 'private' },
          text: call.body.text,
        };
      default:
        return true;
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Enough multipart parsing to read the text fields of a sendDocument call. */
function parseMultipart(raw: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of raw.split(/--[\w-]+/)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name) continue;
    const value = part.split(/\r\n\r\n/)[1]?.replace(/\r\n$/, '');
    fields[name] = value;
  }
  return fields;
}

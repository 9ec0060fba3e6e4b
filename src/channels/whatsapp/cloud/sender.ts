import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { type ChannelSender, SendError, type SendOk } from '../../../outbox/sender';
import type { Outbound } from '../../../shared/conversation';
import { readStoredFile, STORED_FILE_MISSING, type StoredFileReader } from '../../../storage/stored-files';
import { isLidJid, jidUser } from '../jid';
import { type GraphApi, GraphApiError } from './graph-api';
import { renderText } from './render';

export interface CloudTemplate {
  name: string;
  language: string;
}

/** Graph API error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). */
const RATE_LIMITED = new Set([4, 80007, 130429, 131048]);
/** Pair rate limit: too many messages to this one person in a short time. Only they wait. */
const PAIR_RATE_LIMITED = 131056;
const PAIR_WAIT_MS = 60_000;
const WINDOW_CLOSED = 131047;
/** How a message refused outside the 24-hour window is marked (./window.ts finds them by it). */
export const WINDOW_CLOSED_ERROR = 'outside the 24-hour window';
const TRANSIENT = new Set([1, 2, 131000, 131016, 133004, 190]);

const CAPTION_LIMIT = 1024;
/** What the Cloud API takes as `image` (at most 5 MB); other pictures (WebP) go as documents. */
const CLOUD_IMAGES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);

/**
 * Outbound → Cloud API. Free-form messages may only be sent within 24 hours of the person's last
 * message (the engine stamps `identities.last_seen_at` on every inbound message); outside that window
 * the message fails with a clear error instead of a send WhatsApp would reject later, and — when a
 * template is configured — an approved re-engagement template goes out instead, at most once a day per
 * person. When they write again, the refused message is sent after all, once (./window.ts).
 */
export class CloudSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;

  constructor(
    private readonly api: GraphApi,
    private readonly db: Db,
    private readonly template?: CloudTemplate,
    /** Where files staff send are kept (`Outbound` type `file`). */
    private readonly files?: StoredFileReader,
  ) {}

  async send(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk> {
    if (isLidJid(address)) throw new SendError({ kind: 'permanent' }, 'the Cloud API cannot send to a LID');
    const to = jidUser(address).replace('+', '');
    if (!/^\d{5,20}$/.test(to)) throw new SendError({ kind: 'permanent' }, 'not a WhatsApp number');
    try {
      if (!(await this.windowOpen(address))) {
        const nudged = await this.nudge(address, to, signal);
        throw new SendError(
          { kind: 'permanent' },
          nudged
            ? `${WINDOW_CLOSED_ERROR}; re-engagement template sent`
            : `${WINDOW_CLOSED_ERROR} (no template configured or one sent today)`,
        );
      }
      const body =
        message.type === 'document'
          ? {
              type: 'document',
              document: {
                id: await this.api.uploadMedia(
                  Buffer.from(message.data, 'base64'),
                  message.mimeType,
                  message.fileName,
                  signal,
                ),
                filename: message.fileName,
                ...(message.caption ? { caption: message.caption.slice(0, CAPTION_LIMIT) } : {}),
              },
            }
          : message.type === 'file'
            ? await this.storedFile(message, signal)
            : renderText(message);
      return { platformMessageId: await this.api.sendMessage({ to, ...body }, signal) };
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** A stored file, uploaded first (like an export): a JPEG or PNG photo as `image`, anything else as `document`. */
  private async storedFile(
    message: Extract<Outbound, { type: 'file' }>,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const data = await readStoredFile(this.files, message.key);
    if (!data) throw new SendError({ kind: 'permanent' }, STORED_FILE_MISSING);
    const id = await this.api.uploadMedia(data, message.mimeType, message.fileName, signal);
    const caption = message.caption ? { caption: message.caption.slice(0, CAPTION_LIMIT) } : {};
    return message.media === 'photo' && CLOUD_IMAGES.has(message.mimeType)
      ? { type: 'image', image: { id, ...caption } }
      : { type: 'document', document: { id, filename: message.fileName, ...caption } };
  }

  /** Whether the person wrote within the last 24 hours (a little less, so a send never races the edge). */
  private async windowOpen(address: string): Promise<boolean> {
    const [row] = rowsOf<{ open: boolean }>(
      await this.db.execute(sql`
        select bool_or(last_seen_at > now() - interval '23 hours 55 minutes') as open from identities
        where channel = 'whatsapp' and external_id = ${address}`),
    );
    if (row?.open !== null && row?.open !== undefined) return row.open;
    // The address is not the identity's key (a person first seen by LID): look it up by address.
    const [byAddress] = rowsOf<{ open: boolean | null }>(
      await this.db.execute(sql`
        select bool_or(last_seen_at > now() - interval '23 hours 55 minutes') as open from identities
        where channel = 'whatsapp' and address = ${address}`),
    );
    return byAddress?.open === true;
  }

  /** Sends the re-engagement template unless one went to this address in the last 24 hours. */
  private async nudge(address: string, to: string, signal?: AbortSignal): Promise<boolean> {
    if (!this.template) return false;
    const claimed = rowsOf(
      await this.db.execute(sql`
        insert into whatsapp_cloud_nudges (address, sent_at) values (${address}, now())
        on conflict (address) do update set sent_at = now()
        where whatsapp_cloud_nudges.sent_at < now() - interval '24 hours'
        returning 1`),
    );
    if (claimed.length === 0) return false;
    try {
      await this.api.sendMessage(
        {
          to,
          type: 'template',
          template: { name: this.template.name, language: { code: this.template.language } },
        },
        signal,
      );
      return true;
    } catch (error) {
      await this.db.execute(sql`delete from whatsapp_cloud_nudges where address = ${address}`);
      throw error;
    }
  }
}

/** Maps Graph API failures onto what the outbox does next. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof GraphApiError) {
    const { status, code } = error;
    if (code === PAIR_RATE_LIMITED)
      return new SendError(
        { kind: 'rate_limited', retryAfterMs: PAIR_WAIT_MS, scope: 'recipient' },
        error.message,
      );
    if (status === 429 || (code !== undefined && RATE_LIMITED.has(code)))
      return new SendError({ kind: 'rate_limited', retryAfterMs: 60_000 }, error.message);
    if (code === WINDOW_CLOSED)
      return new SendError({ kind: 'permanent' }, `${WINDOW_CLOSED_ERROR}: ${error.message}`);
    if (status >= 500 || (code !== undefined && TRANSIENT.has(code)))
      return new SendError({ kind: 'transient' }, error.message);
    return new SendError({ kind: 'permanent' }, error.message);
  }
  return new SendError({ kind: 'transient' }, error instanceof Error ? error.message : String(error));
}

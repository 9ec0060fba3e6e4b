import { createHash } from 'node:crypto';
import { getContentType, normalizeMessageContent, type proto, type WAMessage } from 'baileys';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/rows';

/*
 * The WhatsApp Business app answers by itself: a greeting message to a new chat (also right after the
 * bot's own first message to someone), an away message outside business hours. On a linked device
 * these arrive exactly like a message someone typed on the phone (`fromMe`, an id the bot did not
 * send), and would pause the bot for hours in every new chat. WhatsApp marks them with no dependable
 * flag, so this takes a message from the phone for an automated reply when
 *   - it carries one of the markers WhatsApp does set on some automated messages (auto-reply flags of
 *     click-to-chat ads, business campaign ids, Meta's bot flags), or
 *   - it came within a few seconds of the person's message (no one reads and types that fast; the
 *     Business app does), or of the bot's own first message into a quiet chat, or
 *   - its text is one the phone already sent as an automated reply (the same greeting in every chat,
 *     or an away message that went out late because the phone was offline).
 * The README says which of the app's tools to switch off, which is the dependable fix.
 */

export type AutoReplyReason = 'marker' | 'timing' | 'known text';

/** The flags WhatsApp sets on some automated messages. */
export function hasAutomationMarker(msg: WAMessage): boolean {
  const info = msg as WAMessage & { is1PBizBotMessage?: boolean | null; isSupportAiMessage?: boolean | null };
  if (info.is1PBizBotMessage || info.isSupportAiMessage) return true;
  const content = normalizeMessageContent(msg.message);
  if (!content) return false;
  if (content.messageContextInfo?.botMetadata) return true;
  const type = getContentType(content);
  const inner = type ? (content[type] as { contextInfo?: proto.IContextInfo | null } | undefined) : undefined;
  const context = typeof inner === 'object' && inner !== null ? inner.contextInfo : undefined;
  if (!context) return false;
  const ad = context.externalAdReply;
  return !!(
    ad?.containsAutoReply ||
    ad?.automatedGreetingMessageShown ||
    context.smbClientCampaignId ||
    context.smbServerCampaignId
  );
}

/** The text of a message from the phone (text, or a caption), for comparing automated replies. */
export function phoneText(msg: WAMessage): string | undefined {
  const c = normalizeMessageContent(msg.message);
  const text =
    c?.conversation ??
    c?.extendedTextMessage?.text ??
    c?.imageMessage?.caption ??
    c?.videoMessage?.caption ??
    c?.documentMessage?.caption;
  const normalised = text?.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return normalised ? normalised : undefined;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Automated replies seen before (their text hashes), per WhatsApp number. */
export class AutoReplies {
  constructor(
    private readonly db: Db,
    private readonly account: string,
  ) {}

  /** Whether the phone already sent this text as an automated reply (and counts this one). */
  async known(text: string): Promise<boolean> {
    const rows = rowsOf(
      await this.db.execute(sql`
        update whatsapp_auto_replies set seen = seen + 1, last_seen_at = now()
        where account = ${this.account} and text_hash = ${hashOf(text)}
        returning 1`),
    );
    return rows.length > 0;
  }

  async remember(text: string): Promise<void> {
    await this.db.execute(sql`
      insert into whatsapp_auto_replies (account, text_hash) values (${this.account}, ${hashOf(text)})
      on conflict (account, text_hash) do update set seen = whatsapp_auto_replies.seen + 1,
        last_seen_at = now()`);
  }
}

export interface AutoReplyContext {
  /** When the message was sent (ms, WhatsApp's clock). */
  sentAt: number;
  /** The person's last message in this chat (ms, WhatsApp's clock), if seen recently. */
  lastInboundAt: number | undefined;
  /** The bot's last message to this chat (ms, this machine's clock), if recent. */
  lastBotSendAt: number | undefined;
  /** The window in ms (0: timing is not used). */
  windowMs: number;
}

/** Timestamps are whole seconds, and two clocks are compared: a little slack before the event. */
const SLACK_MS = 2_000;

/** A chat without a message from the person for this long is quiet: the bot may have written first. */
const QUIET_MS = 3_600_000;

/**
 * Whether a message from the phone came right after the person's message — or right after the bot's,
 * when the bot wrote into a quiet chat (the Business app greets after a first outgoing message too).
 * In a lively conversation the bot's messages do not count: staff stepping in right after one of them
 * are taking over.
 */
export function cameRightAfter(ctx: AutoReplyContext): boolean {
  if (ctx.windowMs <= 0) return false;
  const within = (at: number | undefined) =>
    at !== undefined && ctx.sentAt - at >= -SLACK_MS && ctx.sentAt - at <= ctx.windowMs;
  if (within(ctx.lastInboundAt)) return true;
  const quiet = ctx.lastInboundAt === undefined || ctx.sentAt - ctx.lastInboundAt > QUIET_MS;
  return quiet && within(ctx.lastBotSendAt);
}

/** Why a message from the phone is an automated reply, or undefined when a person typed it. */
export async function automatedReply(
  msg: WAMessage,
  ctx: AutoReplyContext,
  store: AutoReplies,
): Promise<AutoReplyReason | undefined> {
  const text = phoneText(msg);
  if (hasAutomationMarker(msg)) {
    if (text) await store.remember(text);
    return 'marker';
  }
  if (text && (await store.known(text))) return 'known text';
  if (cameRightAfter(ctx)) {
    if (text) await store.remember(text);
    return 'timing';
  }
  return undefined;
}

import { proto, type WAMessageKey } from 'baileys';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { whatsappSent } from '../../../db/schema';
import { decode, encode } from './auth-state';

/*
 * The messages this bot sent. Two uses: `getMessage` (a phone that could not decrypt a message asks
 * for it again; without the content the retry fails silently) and telling the bot's own messages from
 * those someone typed on the phone (both arrive with `fromMe`). The id is recorded before the send.
 */

const RECENT = 500;

export class SentMessages {
  /** The last few in memory: a retry request usually comes within seconds. */
  private readonly recent = new Map<string, proto.IMessage | null>();
  /** When the bot last sent to a chat (an automated reply of the phone follows within seconds). */
  private readonly lastTo = new Map<string, number>();

  constructor(private readonly db: Db) {}

  async reserve(id: string, remoteJid: string): Promise<void> {
    this.remember(id, null);
    this.lastTo.delete(remoteJid);
    this.lastTo.set(remoteJid, Date.now());
    if (this.lastTo.size > RECENT) this.lastTo.delete(this.lastTo.keys().next().value!);
    await this.db.insert(whatsappSent).values({ messageId: id, remoteJid }).onConflictDoNothing();
  }

  async record(id: string, content: proto.IMessage | null | undefined): Promise<void> {
    if (!content) return;
    this.remember(id, content);
    await this.db
      .update(whatsappSent)
      .set({ content: encode(proto.Message.toObject(proto.Message.fromObject(content))) })
      .where(eq(whatsappSent.messageId, id));
  }

  /** When this process last sent to the chat (ms), if recently. */
  lastSentTo(remoteJid: string): number | undefined {
    return this.lastTo.get(remoteJid);
  }

  async isOurs(id: string): Promise<boolean> {
    if (this.recent.has(id)) return true;
    const rows = await this.db
      .select({ id: whatsappSent.messageId })
      .from(whatsappSent)
      .where(eq(whatsappSent.messageId, id));
    return rows.length > 0;
  }

  /** Baileys' `getMessage`. */
  async get(key: WAMessageKey): Promise<proto.IMessage | undefined> {
    if (!key.id) return undefined;
    const cached = this.recent.get(key.id);
    if (cached) return cached;
    const [row] = await this.db
      .select({ content: whatsappSent.content })
      .from(whatsappSent)
      .where(eq(whatsappSent.messageId, key.id));
    return row?.content ? proto.Message.fromObject(decode<object>(row.content)) : undefined;
  }

  private remember(id: string, content: proto.IMessage | null): void {
    this.recent.delete(id);
    this.recent.set(id, content);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }
}

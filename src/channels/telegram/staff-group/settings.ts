import { and, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import { organisations } from '../../../db/schema';

export class StaffGroupSettingError extends Error {}

/**
 * A supergroup's chat id: forums exist only in supergroups, whose ids are `-100…`. A plain group's id
 * (`-123…`) is refused with the reason, since topics could never be created there.
 */
export function parseGroupChatId(value: string): string {
  const id = value.trim();
  if (/^-100\d{5,}$/.test(id)) return id;
  if (/^-\d+$/.test(id))
    throw new StaffGroupSettingError(
      `${id} is a basic group: turn it into a supergroup with topics (Telegram: group settings → Topics) and use its new -100… id`,
    );
  throw new StaffGroupSettingError(`"${id}" is not a Telegram supergroup id (it looks like -1001234567890)`);
}

/**
 * Sets (or with `null` clears) an organisation's staff group. One group serves one organisation only:
 * sharing it would show one organisation's people to another's staff.
 */
export async function setStaffGroup(
  db: Queryable,
  organisationId: string,
  chatId: string | null,
): Promise<void> {
  if (chatId !== null) {
    const [other] = await db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(and(eq(organisations.staffGroupChatId, chatId), ne(organisations.id, organisationId)))
      .limit(1);
    if (other) throw new StaffGroupSettingError(`that group already serves ${other.slug}`);
  }
  await db
    .update(organisations)
    .set({ staffGroupChatId: chatId })
    .where(eq(organisations.id, organisationId));
}

import { type ConsentPurpose, hasConsent, recordConsent } from '../consent/service';
import type { Queryable } from '../db/client';
import type { Channel } from '../shared/conversation';
import { logAccess } from './log';
import { personalDataSources } from './registry';
import './sources';

/**
 * Withdraws the personal-data consent (UU PDP art. 9): records the withdrawal for `personal_data` and
 * `specific_data` (and the guardian's agreement, which was given for the same data), then every source
 * drops what it collected on the strength of that consent — the profile, its answers, and the message
 * history that repeats them. Submitted applications stay (they rest on the person's own request to
 * join a programme; see docs/privacy.md). Returns whether there was a consent to withdraw.
 */
export async function withdrawConsent(db: Queryable, userId: string, channel: Channel): Promise<boolean> {
  const had = await hasConsent(db, userId, 'personal_data');
  const purposes: ConsentPurpose[] = ['personal_data', 'specific_data'];
  if (await hasConsent(db, userId, 'guardian')) purposes.push('guardian');
  for (const purpose of purposes) await recordConsent(db, userId, purpose, false, channel);
  const sources: string[] = [];
  for (const source of personalDataSources()) {
    if (!source.withdraw) continue;
    await source.withdraw(db, userId);
    sources.push(source.name);
  }
  await logAccess(db, { actor: 'user', action: 'withdraw', userId, detail: { purposes, sources } });
  return had;
}

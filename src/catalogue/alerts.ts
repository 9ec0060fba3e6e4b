import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { identities, messages, programmeAlerts, programmes, users } from '../db/schema';
import { startLink } from '../engine/presentation';
import { isLocale, tFor } from '../i18n';
import { describeQuery } from './query';
import { type ProgrammeQuery, searchProgrammes } from './search';

/**
 * After an import: tells every person whose saved search ("kabari aku kalau ada …") matches a
 * programme created since `since`. One outbox row per person and programme, in their language, on the
 * channel they used last; people who said /berhenti are left alone. Returns how many were queued.
 */
export async function notifyAlerts(db: Db, since: Date): Promise<number> {
  const fresh = await db
    .select({ id: programmes.id, slug: programmes.slug, title: programmes.record })
    .from(programmes)
    .where(and(gte(programmes.createdAt, since), eq(programmes.status, 'open')));
  if (fresh.length === 0) return 0;
  const freshSlugs = new Map(fresh.map((p) => [p.slug, p.title.title]));

  const alerts = await db
    .select({
      id: programmeAlerts.id,
      userId: programmeAlerts.userId,
      query: programmeAlerts.query,
      locale: users.locale,
    })
    .from(programmeAlerts)
    .innerJoin(users, eq(users.id, programmeAlerts.userId))
    .where(and(eq(programmeAlerts.active, true), eq(users.broadcastsStopped, false)));
  let queued = 0;
  for (const alert of alerts) {
    const found = await searchProgrammes(db, alert.query as ProgrammeQuery, { pageSize: 50 });
    const matches = found.items.filter((item) => freshSlugs.has(item.slug));
    if (matches.length === 0) continue;
    const [identity] = await db
      .select({ id: identities.id, channel: identities.channel })
      .from(identities)
      .where(and(eq(identities.userId, alert.userId), eq(identities.unreachable, false)))
      .orderBy(desc(identities.lastSeenAt))
      .limit(1);
    if (!identity) continue;
    const locale = isLocale(alert.locale) ? alert.locale : 'id';
    const t = tFor(locale);
    const query = describeQuery(
      { t: (key, vars) => t(key, vars ?? {}) as string, locale },
      alert.query as ProgrammeQuery,
    );
    const rows = matches.slice(0, 3).map((item) => {
      const title = locale === 'en' && item.title.en ? item.title.en : item.title.id;
      return {
        userId: alert.userId,
        identityId: identity.id,
        channel: identity.channel,
        direction: 'out' as const,
        origin: 'alert',
        body: {
          type: 'text' as const,
          text: t('discovery:alertMatch', { query, title, link: startLink(`p_${item.slug}`) }),
        },
        status: 'pending',
      };
    });
    await db.insert(messages).values(rows);
    await db
      .update(programmeAlerts)
      .set({ lastNotifiedAt: new Date() })
      .where(inArray(programmeAlerts.id, [alert.id]));
    queued += rows.length;
  }
  return queued;
}

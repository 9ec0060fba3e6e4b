import { describeQuery } from '../../catalogue/query';
import type { ProgrammeQuery } from '../../catalogue/search';
import type { FlowContext } from '../../engine/context';
import { dateTimeFormat } from '../../lib/intl';
import type { WhatsAppExport } from '../../privacy/channel-data';
import type { PersonalDataExport } from '../../privacy/export';
import { personalDataSources } from '../../privacy/registry';
import type {
  AccountExport,
  AlertExport,
  ConsentExport,
  LogEntryExport,
  MessagesExport,
  ProfileExport,
  SavedExport,
} from '../../privacy/sources/core';
import { profileSummary } from '../profile/fields';

/** Sources this feature renders itself; any other source renders through its own `describe`. */
const CORE = new Set([
  'account',
  'consents',
  'profile',
  'savedProgrammes',
  'alerts',
  'messages',
  'whatsapp',
  'otherTables',
  'processingLog',
]);

/** The chat message stays well under Telegram's 4096 characters. */
const CHAT_LIMIT = 3500;
/** Items named in the chat summary before "and N more". */
const NAMED = 3;

const JAKARTA = 'Asia/Jakarta';

export function formatDay(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return dateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeZone: JAKARTA,
  }).format(new Date(iso));
}

export function formatMoment(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const text = dateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: JAKARTA,
  }).format(new Date(iso));
  return `${text} WIB`;
}

interface Parts {
  account: AccountExport | null;
  consents: ConsentExport[];
  profile: ProfileExport | null;
  saved: SavedExport[];
  alerts: AlertExport[];
  messages: MessagesExport | null;
  whatsapp: WhatsAppExport | null;
  other: Record<string, unknown[]> | null;
  log: LogEntryExport[];
}

function parts(exp: PersonalDataExport): Parts {
  const d = exp.data;
  return {
    account: (d.account as AccountExport | null) ?? null,
    consents: (d.consents as ConsentExport[] | null) ?? [],
    profile: (d.profile as ProfileExport | null) ?? null,
    saved: (d.savedProgrammes as SavedExport[] | null) ?? [],
    alerts: (d.alerts as AlertExport[] | null) ?? [],
    messages: (d.messages as MessagesExport | null) ?? null,
    whatsapp: (d.whatsapp as WhatsAppExport | null) ?? null,
    other: (d.otherTables as Record<string, unknown[]> | null) ?? null,
    log: (d.processingLog as LogEntryExport[] | null) ?? [],
  };
}

function titleText(ctx: FlowContext, title: SavedExport['title'], slug: string): string {
  if (!title) return slug;
  return ctx.locale === 'en' && title.en ? title.en : title.id;
}

function named(ctx: FlowContext, items: string[]): string {
  const shown = items.slice(0, NAMED).join(', ');
  return items.length > NAMED
    ? `${shown} ${ctx.t('privacy:summary.more', { count: items.length - NAMED })}`
    : shown;
}

function consentLine(ctx: FlowContext, c: ConsentExport): string {
  return ctx.t('privacy:summary.consent', {
    purpose: ctx.t(`privacy:purpose.${c.purpose}`, { defaultValue: c.purpose }),
    decision: ctx.t(c.granted ? 'privacy:decision.granted' : 'privacy:decision.refused'),
    date: formatMoment(c.at, ctx.locale),
    version: c.noticeVersion,
  });
}

function channelNames(ctx: FlowContext, account: AccountExport): string {
  return [...new Set(account.channels.map((c) => c.channel))]
    .map((c) => ctx.t(`privacy:channel.${c}`, { defaultValue: c }))
    .join(', ');
}

/** Lines of sources other domains registered (applications …), through their own `describe`. */
function foreignLines(ctx: FlowContext, exp: PersonalDataExport): string[] {
  const lines: string[] = [];
  for (const source of personalDataSources()) {
    if (CORE.has(source.name)) continue;
    const data = exp.data[source.name];
    if (data === null || data === undefined) continue;
    if (source.describe) lines.push(...source.describe(ctx, data));
    else if (Array.isArray(data))
      lines.push(ctx.t('privacy:summary.other', { table: source.name, count: data.length }));
  }
  return lines;
}

/** The short, readable summary shown in the chat by `/data_saya`. */
export function chatSummary(ctx: FlowContext, exp: PersonalDataExport, messageLimit: number): string {
  const p = parts(exp);
  const lines: string[] = [ctx.t('privacy:summary.title'), ''];
  if (p.account) {
    lines.push(
      ctx.t('privacy:summary.account', {
        name: p.account.displayName ?? ctx.t('privacy:summary.noName'),
        language: ctx.t(`language.name.${p.account.locale}`, { defaultValue: p.account.locale }),
        since: formatDay(p.account.createdAt, ctx.locale),
      }),
    );
    if (p.account.channels.length)
      lines.push(ctx.t('privacy:summary.channels', { channels: channelNames(ctx, p.account) }));
  }
  // The decision in force for each purpose (the .txt file has every decision).
  const latest = new Map<string, ConsentExport>();
  for (const c of p.consents) latest.set(c.purpose, c);
  if (latest.size) {
    lines.push(ctx.t('privacy:summary.consentsTitle'));
    for (const c of latest.values()) lines.push(consentLine(ctx, c));
  } else lines.push(ctx.t('privacy:summary.consentsNone'));

  const profileLines = p.profile ? profileSummary(ctx, p.profile.data) : [];
  const answers = Object.keys(p.profile?.data.answers ?? {}).length;
  if (profileLines.length || answers) {
    lines.push(ctx.t('privacy:summary.profileTitle'), ...profileLines);
    if (answers) lines.push(ctx.t('privacy:summary.answers', { count: answers }));
  } else lines.push(ctx.t('privacy:summary.profileNone'));

  lines.push(
    p.saved.length
      ? ctx.t('privacy:summary.saved', {
          count: p.saved.length,
          titles: named(
            ctx,
            p.saved.map((s) => titleText(ctx, s.title, s.slug)),
          ),
        })
      : ctx.t('privacy:summary.savedNone'),
  );
  lines.push(
    p.alerts.length
      ? ctx.t('privacy:summary.alerts', {
          count: p.alerts.length,
          queries: named(
            ctx,
            p.alerts.map((a) => describeQuery(ctx, a.query as ProgrammeQuery)),
          ),
        })
      : ctx.t('privacy:summary.alertsNone'),
  );
  if (p.whatsapp?.contacts.length)
    lines.push(
      ctx.t('privacy:summary.whatsapp', {
        addresses: p.whatsapp.contacts.map((c) => c.pnJid ?? c.lidJid ?? c.externalId).join(', '),
      }),
    );
  lines.push(...foreignLines(ctx, exp));
  for (const [table, rows] of Object.entries(p.other ?? {}))
    lines.push(ctx.t('privacy:summary.other', { table, count: rows.length }));
  lines.push(
    p.messages?.total
      ? ctx.t('privacy:summary.messages', {
          count: p.messages.total,
          since: formatDay(p.messages.since, ctx.locale),
        })
      : ctx.t('privacy:summary.messagesNone'),
  );
  if (p.log.length) lines.push(ctx.t('privacy:summary.log', { count: p.log.length }));
  lines.push('', ctx.t('privacy:summary.files', { limit: messageLimit }));
  const text = lines.join('\n');
  return text.length <= CHAT_LIMIT ? text : `${text.slice(0, CHAT_LIMIT - 1)}…`;
}

/** The readable .txt file: everything in the export, in the person's language. */
export function textReport(
  ctx: FlowContext,
  exp: PersonalDataExport,
  retention: { days: number; messageDays: number },
): string {
  const t = (key: string, vars?: Record<string, unknown>) => ctx.t(`privacy:file.${key}`, vars);
  const p = parts(exp);
  const out: string[] = [
    t('title'),
    t('generated', { date: formatMoment(exp.generatedAt, ctx.locale) }),
    '',
    t('intro'),
    t('rights'),
    t('retention', retention),
  ];
  const section = (title: string, lines: string[]) => {
    out.push('', `== ${title} ==`, ...(lines.length ? lines : [t('none')]));
  };

  const account = p.account;
  section(
    t('account'),
    account
      ? [
          t('name', { value: account.displayName ?? ctx.t('privacy:summary.noName') }),
          t('language', {
            value: ctx.t(`language.name.${account.locale}`, { defaultValue: account.locale }),
          }),
          t('since', { value: formatMoment(account.createdAt, ctx.locale) }),
          t('lastActive', { value: formatMoment(account.lastActiveAt, ctx.locale) }),
          t('broadcasts', { value: t(account.broadcastsStopped ? 'off' : 'on') }),
          t('simpleText', { value: t(account.simpleText ? 'on' : 'off') }),
          ...account.channels.map((c) =>
            t('channelLine', {
              channel: ctx.t(`privacy:channel.${c.channel}`, { defaultValue: c.channel }),
              id: c.address,
              since: formatDay(c.createdAt, ctx.locale),
            }),
          ),
        ]
      : [],
  );
  section(
    t('consents'),
    p.consents.map((c) => consentLine(ctx, c)),
  );
  const profile = p.profile?.data;
  section(t('profile'), [
    ...(profile ? profileSummary(ctx, profile) : []),
    ...Object.entries(profile?.answers ?? {}).map(([question, answer]) =>
      t('answer', { question, answer: String(answer) }),
    ),
  ]);
  section(
    t('saved'),
    p.saved.map((s) =>
      t('savedLine', { title: titleText(ctx, s.title, s.slug), date: formatDay(s.savedAt, ctx.locale) }),
    ),
  );
  section(
    t('alerts'),
    p.alerts.map((a) =>
      t('alertLine', {
        query: describeQuery(ctx, a.query as ProgrammeQuery),
        date: formatDay(a.createdAt, ctx.locale),
        inactive: a.active ? '' : t('alertInactive'),
      }),
    ),
  );
  if (p.whatsapp)
    section(
      t('whatsapp'),
      p.whatsapp.contacts.map((c) => `• ${[c.pnJid, c.lidJid].filter(Boolean).join(' / ')}`),
    );
  const foreign = foreignLines(ctx, exp);
  const other = Object.entries(p.other ?? {}).map(([table, rows]) =>
    t('otherLine', { table, count: rows.length }),
  );
  if (foreign.length || other.length) section(t('other'), [...foreign, ...other]);
  section(
    t('log'),
    p.log.map((entry) =>
      t('logLine', {
        date: formatMoment(entry.at, ctx.locale),
        action: ctx.t(`privacy:action.${entry.action}`, { defaultValue: entry.action }),
        actor: ctx.t(`privacy:actor.${entry.actor}`, { defaultValue: entry.actor }),
      }),
    ),
  );

  const messages = p.messages;
  section(
    t('messages'),
    messages?.items.length
      ? [
          t('messagesNote', { included: messages.included, count: messages.total }),
          '',
          ...messages.items.map(
            (m) =>
              `[${formatMoment(m.at, ctx.locale)}] ${t(m.direction === 'in' ? 'you' : 'bot')}: ${messageText(ctx, m.body)}`,
          ),
        ]
      : [],
  );
  return `${out.join('\n')}\n`;
}

/** One logged message as a line of text. */
function messageText(ctx: FlowContext, body: Record<string, unknown>): string {
  const t = (key: string, vars?: Record<string, unknown>) => ctx.t(`privacy:file.${key}`, vars);
  switch (body.type) {
    case 'text':
      return String(body.text ?? '');
    case 'choice':
      return t('pressed');
    case 'contact':
      return t('sharedContact', { phone: String(body.phone ?? '') });
    case 'media':
      return t('sentMedia', {
        kind: ctx.t(`privacy:file.media.${String(body.mediaKind)}`, { defaultValue: String(body.mediaKind) }),
      });
    case 'location':
      return t('sentLocation');
    case 'document':
      return t('sentFile', { name: String(body.fileName ?? '') });
    default:
      return t('sentOther');
  }
}

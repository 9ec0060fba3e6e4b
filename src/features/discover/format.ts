import { countryName } from '../../catalogue/query';
import type { ProgrammeSummary } from '../../catalogue/search';
import { formatDateId } from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import { regionLabel } from '../../regions';
import type { Programme } from '../../shared/programme';

/** The longest summary shown on a card before "Selengkapnya". */
const SUMMARY_LIMIT = 280;

const rupiah = new Intl.NumberFormat('id-ID');

export function formatRupiah(amount: number): string {
  return `Rp${rupiah.format(amount)}`;
}

function localized(ctx: FlowContext, text: { id: string; en?: string } | undefined): string {
  if (!text) return '';
  return ctx.locale === 'en' && text.en ? text.en : text.id;
}

export function titleOf(ctx: FlowContext, title: { id: string; en?: string }): string {
  return localized(ctx, title);
}

/** Where it happens: the destination country abroad, else the regency (or province), or "online". */
export function placeOf(
  ctx: FlowContext,
  p: { country: string | null; regency: string | null; province: string | null; mode: string },
): string {
  if (p.country) return countryName(p.country, ctx.locale);
  if (p.mode === 'daring') return ctx.t('discovery:card.online');
  const code = p.regency ?? p.province;
  return code ? (regionLabel(code) ?? code) : '';
}

export function deadline(
  ctx: FlowContext,
  state: string,
  daysLeft: number | null,
  opens: string | null,
): string {
  if (state === 'closed') return ctx.t('discovery:deadline.closed');
  if (state === 'upcoming' && opens)
    return ctx.t('discovery:deadline.opens', { date: formatDateId(opens, ctx.locale) });
  if (daysLeft === null) return ctx.t('discovery:deadline.open');
  if (daysLeft === 0) return ctx.t('discovery:deadline.today');
  return ctx.t(daysLeft <= 7 ? 'discovery:deadline.soon' : 'discovery:deadline.days', { count: daysLeft });
}

const shortDates = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};

/** "20 Des": registration dates are weeks away, the year goes without saying. */
function shortDate(iso: string, locale: string): string {
  return (locale === 'en' ? shortDates.en : shortDates.id).format(new Date(`${iso}T00:00:00Z`));
}

/** When registration closes, with the date: "tutup 20 Des (13 hari lagi)". */
function closes(ctx: FlowContext, p: ProgrammeSummary): string {
  if (p.state === 'open' && p.registrationCloses && p.daysLeft !== null && p.daysLeft > 0)
    return ctx.t(p.daysLeft <= 7 ? 'discovery:deadline.soonOn' : 'discovery:deadline.on', {
      date: shortDate(p.registrationCloses, ctx.locale),
      count: p.daysLeft,
    });
  return deadline(ctx, p.state, p.daysLeft, p.registrationOpens);
}

/**
 * A programme the person's own facts rule out, named by what it is and where ("Magang · Kabupaten
 * Bekasi · PT Sinar Presisi"), not by its title: it explains a refusal and is no result to pick.
 */
export function ruledOutName(
  ctx: FlowContext,
  p: Pick<ProgrammeSummary, 'kind' | 'country' | 'regency' | 'province' | 'mode' | 'provider'>,
): string {
  return [ctx.t(`catalogue:kind.${p.kind}`), placeOf(ctx, p), p.provider.name].filter(Boolean).join(' · ');
}

/** "tutup 20 Des (13 hari lagi)" from a closing date alone (lists built outside the search). */
export function closesText(ctx: FlowContext, closesIso: string | null, today: string): string {
  if (!closesIso) return ctx.t('discovery:deadline.open');
  const daysLeft = Math.round((Date.parse(closesIso) - Date.parse(today)) / 86_400_000);
  if (daysLeft < 0) return ctx.t('discovery:deadline.closed');
  if (daysLeft === 0) return ctx.t('discovery:deadline.today');
  return ctx.t(daysLeft <= 7 ? 'discovery:deadline.soonOn' : 'discovery:deadline.on', {
    date: shortDate(closesIso, ctx.locale),
    count: daysLeft,
  });
}

/** One line of a result list. */
export function listLine(ctx: FlowContext, index: number, p: ProgrammeSummary): string {
  const cost = p.feeIdr === 0 ? ctx.t('discovery:card.free') : formatRupiah(p.feeIdr);
  const bits = [p.provider.name, placeOf(ctx, p), cost, closes(ctx, p)].filter(Boolean);
  return `${index}. ${titleOf(ctx, p.title)}\n   ${bits.join(' · ')}`;
}

export interface CardView {
  text: string;
  /** The summary was cut: offer "Selengkapnya". */
  truncated: boolean;
}

/** The programme card: everything from the catalogue record, one screen. */
export function renderCard(
  ctx: FlowContext,
  p: Programme,
  status: { state: string; daysLeft: number | null },
  seatsLeft?: { general?: number; women?: number },
  full = false,
): CardView {
  const t = (key: string, vars?: Record<string, unknown>) => ctx.t(`discovery:card.${key}`, vars);
  const lines: string[] = [];
  lines.push(`📌 ${localized(ctx, p.title)}`);
  lines.push(`${ctx.t(`catalogue:kind.${p.kind}`)} · ${ctx.t(`catalogue:field.${p.field}`)}`);
  lines.push(`🏢 ${p.provider.name} (${p.provider.type})`);
  const place = placeOf(ctx, {
    country: p.destination_country ?? null,
    regency: p.location.regency ?? null,
    province: p.location.province ?? null,
    mode: p.location.mode,
  });
  lines.push(`📍 ${[place, ctx.t(`catalogue:mode.${p.location.mode}`)].filter(Boolean).join(' · ')}`);

  const d = p.dates;
  if (d?.registration_closes || d?.registration_opens) {
    const range = [d.registration_opens, d.registration_closes]
      .filter((x): x is string => !!x)
      .map((x) => formatDateId(x, ctx.locale));
    lines.push(
      `🗓️ ${t('registration', { range: range.join(' – ') })} (${deadline(ctx, status.state, status.daysLeft, d.registration_opens ?? null)})`,
    );
  }
  if (d?.starts)
    lines.push(
      `▶️ ${t('starts', { date: formatDateId(d.starts, ctx.locale), end: d.ends ? formatDateId(d.ends, ctx.locale) : '' })}`,
    );

  if (p.seats?.total) {
    const women = p.seats.women ? t('seatsWomen', { count: p.seats.women }) : '';
    lines.push(`💺 ${t('seats', { count: p.seats.total })}${women ? ` ${women}` : ''}`);
    if (seatsLeft?.general !== undefined)
      lines.push(`   ${t('seatsLeft', { general: seatsLeft.general, women: seatsLeft.women ?? 0 })}`);
  }
  const fee =
    (p.costs?.fee_idr ?? 0) === 0 ? t('free') : t('fee', { amount: formatRupiah(p.costs?.fee_idr ?? 0) });
  const stipend = p.costs?.stipend_idr
    ? ` · ${t('stipend', { amount: formatRupiah(p.costs.stipend_idr), period: p.costs.stipend_period ? ctx.t(`catalogue:stipend_period.${p.costs.stipend_period}`) : '' })}`
    : '';
  lines.push(`💰 ${fee}${stipend}`);
  if (p.benefits?.length)
    lines.push(`🎁 ${p.benefits.map((b) => ctx.t(`catalogue:benefit.${b}`)).join(', ')}`);
  if (p.eligibility?.gender === 'perempuan') lines.push(`👩 ${t('womenOnly')}`);
  if (p.inclusion?.disability_friendly)
    lines.push(
      `♿ ${t('accessible')}${p.inclusion.accommodations ? `: ${localized(ctx, p.inclusion.accommodations)}` : ''}`,
    );
  if (d?.schedule_note) lines.push(`🕒 ${localized(ctx, d.schedule_note)}`);

  let summary = localized(ctx, p.summary);
  const truncated = !full && summary.length > SUMMARY_LIMIT;
  if (truncated) summary = `${summary.slice(0, SUMMARY_LIMIT).replace(/\s+\S*$/, '')}…`;
  if (summary) lines.push('', summary);
  if (full && p.application?.documents?.length)
    lines.push(
      '',
      `${t('documents')}: ${p.application.documents.map((x) => ctx.t(`catalogue:document.${x}`)).join(', ')}`,
    );
  const source = p.sources?.[0] ? new URL(p.sources[0]).hostname : '';
  lines.push('', `ℹ️ ${t('verified', { date: formatDateId(p.verified_at, ctx.locale), source })}`);
  return { text: lines.join('\n'), truncated };
}

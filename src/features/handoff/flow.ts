import { getProgramme } from '../../catalogue/search';
import { jakartaDay } from '../../eligibility/dates';
import { channelDescriptor } from '../../engine/channels';
import type { FlowContext } from '../../engine/context';
import type { Flow } from '../../engine/flow';
import { globalCommand } from '../../engine/keywords';
import { officeHoursOf } from '../../handoff/office-hours-store';
import { cancelHandoff, getHandoff, openHandoff, rateHandoff } from '../../handoff/service';
import { describeHours, isOpen, nextOpening, type OfficeHours } from '../../shared/office-hours';
import { showMenu } from '../menu/flow';

export interface HandoffSettings {
  /** The desk that answers when no programme's organisation is in context. */
  defaultOrganisation: string;
  officeHours: OfficeHours;
}

const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const WIB_TIME = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
});
const WIB_TIME_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
});
const WIB_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * "Bicara dengan petugas": the chat goes to the queue of the programme's organisation (or the default
 * desk); the person is told they are waiting and when staff work (WIB); from then on the bot stays
 * silent (see `handoffIntercept`) until staff close the case or the person cancels.
 */
export interface HandoffParams {
  /** The programme in context: its organisation's desk answers. */
  slug?: string;
  /** Why: asked for, or offered after repeated misunderstandings. */
  reason?: 'asked' | 'misses';
}

export function createHandoffFlow(settings: HandoffSettings): Flow<'handoff'> {
  return {
    id: 'handoff',
    async start(ctx, params) {
      const slug = typeof params?.slug === 'string' ? params.slug : undefined;
      const programme = slug ? await getProgramme(ctx.tx, slug) : null;
      const organisation = programme?.programme.application?.organisation ?? settings.defaultOrganisation;
      const { created } = await openHandoff(ctx.tx, {
        userId: ctx.user.id,
        organisation,
        desk: settings.defaultOrganisation,
        ...(slug ? { programmeSlug: slug } : {}),
        reason: params?.reason === 'misses' ? 'misses' : 'asked',
      });
      // The organisation's own hours (Pengaturan → Layanan), else the server's.
      const officeHours = (await officeHoursOf(ctx.tx, organisation)) ?? settings.officeHours;
      const hours = describeHours(officeHours);
      const when = {
        days: `${ctx.t(`handoff.day${hours.firstDay}`)}–${ctx.t(`handoff.day${hours.lastDay}`)}`,
        open: hours.open,
        close: hours.close,
      };
      const now = ctx.now();
      const key = !created
        ? 'handoff.alreadyWaiting'
        : isOpen(officeHours, now)
          ? 'handoff.waiting'
          : 'handoff.waitingClosed';
      const next = whenNext(ctx, nextOpening(officeHours, now), now);
      ctx.state = { flow: 'handoff', step: 'waiting', data: {} };
      ctx.ask(ctx.t(key, { ...when, next }), [{ id: 'handoff:cancel', label: ctx.t('handoff.cancel') }], {
        nav: false,
      });
    },
    async handle(ctx) {
      // Only reached once the handoff is over (the intercept answers while it is open).
      return ctx.go('menu');
    },
  };
}

/** "hari ini pukul 08.00" / "besok pukul 08.00" / "Senin 08.00": the next opening as a person says it. */
function whenNext(ctx: FlowContext, next: Date, now: Date): string {
  const same = (a: Date, b: Date) => {
    const x = jakartaDay(a);
    const y = jakartaDay(b);
    return x.year === y.year && x.month === y.month && x.day === y.day;
  };
  const time = (ctx.locale === 'en' ? WIB_TIME_EN : WIB_TIME).format(next);
  if (same(next, now)) return ctx.t('handoff.nextToday', { time });
  if (same(next, new Date(now.getTime() + 86_400_000))) return ctx.t('handoff.nextTomorrow', { time });
  return (ctx.locale === 'en' ? WIB_EN : WIB).format(next);
}

/**
 * Runs before every flow while a handoff is open: the person's messages go to staff (they are in the
 * message log) and the bot says nothing — except to let the person cancel and come back to the bot.
 */
export async function handoffIntercept(ctx: FlowContext, handoffId: string | null): Promise<boolean> {
  if (!handoffId) return false;
  const payload = ctx.inbound.payload;
  const screen = ctx.state.screen;
  const pressedCancel =
    payload.type === 'choice' &&
    screen?.token === payload.token &&
    screen.ids[payload.index] === 'handoff:cancel';
  const typedCancel =
    payload.type === 'text' &&
    (['cancel', 'menu'].includes(globalCommand(payload.text)?.command ?? '') ||
      /^\s*(batal|kembali ke bot)\s*$/i.test(payload.text));
  if (!pressedCancel && !typedCancel && !(await typedCancelNumber(ctx, handoffId))) return true;
  await cancelHandoff(ctx.tx, handoffId, ctx.user.id);
  ctx.home();
  await showMenu(ctx, ctx.t('handoff.cancelled'));
  return true;
}

/**
 * Where choices are numbered lines (WhatsApp, the terminal), the waiting screen says "Balas dengan angka
 * 1": that "1" is the cancel button. Only while no staff member has taken the case: once one has, a bare
 * number is more likely an answer to them ("pengalaman berapa tahun?" — "1").
 */
async function typedCancelNumber(ctx: FlowContext, handoffId: string): Promise<boolean> {
  const payload = ctx.inbound.payload;
  const screen = ctx.state.screen;
  if (payload.type !== 'text' || !screen || channelDescriptor(ctx.inbound.channel).buttons) return false;
  const n = /^\s*(\d{1,2})\s*\.?\s*$/.exec(payload.text)?.[1];
  if (!n || screen.ids[Number(n) - 1] !== 'handoff:cancel') return false;
  return (await getHandoff(ctx.tx, handoffId))?.status === 'waiting';
}

/** The 1–5 rating asked when staff close a case (the question is written by closeHandoff). */
export const ratingFlow: Flow<'rating'> = {
  id: 'rating',
  async start(ctx) {
    return ctx.go('menu');
  },
  async handle(ctx, input) {
    const fromChoice =
      input.kind === 'choice' && input.id.startsWith('rate:') ? Number(input.id.slice(5)) : undefined;
    const fromText = input.kind === 'text' ? Number(/^\s*([1-5])\s*$/.exec(input.text)?.[1]) : undefined;
    const rating = fromChoice ?? (fromText && !Number.isNaN(fromText) ? fromText : undefined);
    const handoffId = ctx.state.data.handoffId;
    ctx.home();
    if (rating && typeof handoffId === 'string') {
      await rateHandoff(ctx.tx, handoffId, rating);
      return showMenu(ctx, ctx.t('handoff.thanks'));
    }
    return showMenu(ctx);
  },
};

import { eq } from 'drizzle-orm';
import { formatWhen, localizedTitle, nextSteps, statusLabel } from '../../applications/format';
import { formatPhone } from '../../applications/phone';
import type { ApplicationServices } from '../../applications/services';
import { changeStatus } from '../../applications/status';
import {
  deleteDraft,
  getApplication,
  listApplications,
  timelineOf,
  waitlistPosition,
} from '../../applications/store';
import { programmes } from '../../db/schema';
import { formatDateId, jakartaDay, toIsoDate } from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { WITHDRAWABLE } from '../../shared/application-statuses';
import type { Choice } from '../../shared/conversation';
import { nonTextKey } from '../menu/flow';
import { routeFreeText } from '../text-router';

function day(ctx: FlowContext, at: Date): string {
  return formatDateId(toIsoDate(jakartaDay(at)), ctx.locale);
}

/**
 * "📄 Lamaran saya" (also "status lamaranku gmn"): every application with its status and reference,
 * one opened for details, next steps and history; a draft can be continued, restarted or deleted; a
 * submitted application can be withdrawn (its seat goes to the first on the waitlist).
 */
export interface ApplicationsParams {
  /** Open this application's details (its id). */
  open?: string;
}

export function createApplicationsFlow(services: ApplicationServices): Flow<'applications'> {
  const flow: Flow<'applications'> = {
    id: 'applications',
    async start(ctx, params) {
      const open = params?.open;
      if (open) return showDetail(ctx, open);
      return showList(ctx);
    },
    async handle(ctx, input) {
      if (input.kind === 'choice') return onChoice(ctx, input.id);
      if (input.kind === 'text') return routeFreeText(ctx, input.text);
      return onOther(ctx, input);
    },
  };

  async function onOther(ctx: FlowContext, input: FlowInput): Promise<void> {
    ctx.say(ctx.t(input.kind === 'media' ? nonTextKey(input.mediaKind) : 'fallback.nonText'));
    return showList(ctx);
  }

  async function showList(ctx: FlowContext): Promise<void> {
    const items = await listApplications(ctx.tx, ctx.user.id);
    ctx.state = { flow: 'applications', step: 'list', data: {} };
    if (items.length === 0)
      return ctx.ask(ctx.t('applications:mine.empty'), [
        { id: 'discover', label: ctx.t('applications:mine.findProgrammes') },
      ]);
    const lines = items.map((item, i) => {
      const title = localizedTitle(item.title, ctx.locale);
      const what = item.reference
        ? `${statusLabel(ctx.t.bind(ctx), item.status)} · ${item.reference}`
        : ctx.t('applications:mine.draftLine');
      return `${i + 1}. ${title}\n   ${what}`;
    });
    const choices: Choice[] = items.map((item, i) => ({
      id: `open:${item.id}`,
      label: String(i + 1),
      listed: true,
    }));
    choices.push({ id: 'discover', label: ctx.t('applications:mine.findProgrammes') });
    ctx.ask(ctx.t('applications:mine.list', { count: items.length, lines: lines.join('\n') }), choices);
  }

  async function showDetail(ctx: FlowContext, id: string): Promise<void> {
    const app = await getApplication(ctx.tx, id);
    if (!app || app.userId !== ctx.user.id) return showList(ctx);
    const [programme] = await ctx.tx
      .select({ slug: programmes.slug, record: programmes.record })
      .from(programmes)
      .where(eq(programmes.id, app.programmeId));
    const title = localizedTitle(programme?.record.title, ctx.locale);
    const t = ctx.t.bind(ctx);
    const lines = [`📄 ${title}`];
    const choices: Choice[] = [];
    if (app.status === 'draft') {
      lines.push(ctx.t('applications:mine.draftDetail'));
      choices.push(
        { id: `continue:${id}`, label: ctx.t('applications:resume.continue') },
        { id: `restart:${id}`, label: ctx.t('applications:resume.restart') },
        { id: `discard:${id}`, label: ctx.t('applications:cancel.discard') },
      );
    } else {
      const position = app.status === 'cadangan' ? await waitlistPosition(ctx.tx, id) : undefined;
      lines.push(ctx.t('applications:mine.reference', { reference: app.reference ?? '—' }));
      const seat = app.seat === 'women' ? ` (${ctx.t('applications:mine.womenSeat')})` : '';
      lines.push(`${ctx.t('applications:mine.status', { status: statusLabel(t, app.status) })}${seat}`);
      if (app.submittedAt)
        lines.push(ctx.t('applications:mine.submitted', { date: day(ctx, app.submittedAt) }));
      if (app.phone) lines.push(ctx.t('applications:mine.contact', { phone: formatPhone(app.phone) }));
      lines.push('', nextSteps(t, ctx.locale, app.status, app.statusDetails, position ? { position } : {}));
      const history = await timelineOf(ctx.tx, id);
      if (history.length) {
        lines.push('', ctx.t('applications:mine.history'));
        for (const entry of history) lines.push(`• ${day(ctx, entry.at)}: ${statusLabel(t, entry.to)}`);
      }
      if (app.status === 'wawancara' && app.statusDetails?.date)
        lines.push(
          '',
          ctx.t('applications:mine.interview', {
            date: formatWhen(app.statusDetails.date, ctx.locale),
            place: app.statusDetails.place ?? '',
          }),
        );
      if (WITHDRAWABLE.has(app.status))
        choices.push({ id: `withdraw:${id}`, label: ctx.t('applications:withdraw.button') });
    }
    if (programme)
      choices.push({ id: `card:${programme.slug}`, label: ctx.t('applications:mine.programme') });
    choices.push({ id: 'list', label: ctx.t('applications:mine.back') });
    ctx.state = { flow: 'applications', step: 'detail', data: { id, slug: programme?.slug } };
    ctx.ask(lines.join('\n'), choices);
  }

  async function onChoice(ctx: FlowContext, choice: string): Promise<void> {
    const i = choice.indexOf(':');
    const [action, arg] = i < 0 ? [choice, ''] : [choice.slice(0, i), choice.slice(i + 1)];
    const slug = ctx.state.data.slug as string | undefined;
    switch (action) {
      case 'open':
        return showDetail(ctx, arg);
      case 'list':
        return showList(ctx);
      case 'discover':
        return ctx.go('discover');
      case 'card':
        return ctx.go('discover', { slug: arg });
      case 'continue':
      case 'restart':
        if (!slug) return showList(ctx);
        return ctx.go('apply', { slug, resume: action });
      case 'discard':
        await deleteDraft(ctx.tx, services.storage, arg);
        ctx.say(ctx.t('applications:cancel.discarded'));
        return showList(ctx);
      case 'withdraw': {
        const app = await getApplication(ctx.tx, arg);
        if (!app || app.userId !== ctx.user.id || !WITHDRAWABLE.has(app.status)) return showList(ctx);
        ctx.state = { flow: 'applications', step: 'withdraw', data: { id: arg, slug } };
        return ctx.ask(ctx.t('applications:withdraw.confirm', { reference: app.reference ?? '' }), [
          { id: `withdrawYes:${arg}`, label: ctx.t('applications:withdraw.yes') },
          { id: `open:${arg}`, label: ctx.t('applications:withdraw.no') },
        ]);
      }
      case 'withdrawYes': {
        const app = await getApplication(ctx.tx, arg);
        if (!app || app.userId !== ctx.user.id || !app.reference || !WITHDRAWABLE.has(app.status))
          return showList(ctx);
        await changeStatus(ctx.tx, app.reference, 'mundur', {}, 'person', { notifyPerson: false });
        ctx.say(ctx.t('applications:withdraw.done', { reference: app.reference }));
        return showList(ctx);
      }
      default:
        return showList(ctx);
    }
  }

  return flow;
}

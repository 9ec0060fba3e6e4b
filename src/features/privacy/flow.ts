import { hasConsent } from '../../consent/service';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { dateTimeFormat } from '../../lib/intl';
import { beginErasure } from '../../privacy/erasure';
import { collectPersonalData, exportJson } from '../../privacy/export';
import { logAccess } from '../../privacy/log';
import { retentionSettings } from '../../privacy/settings';
import { EXPORT_MESSAGE_LIMIT } from '../../privacy/sources/core';
import { withdrawConsent } from '../../privacy/withdrawal';
import { loadProfile } from '../../profile/store';
import { normaliseText } from '../../shared/text/normalise';
import { showMenu } from '../menu/flow';
import { routeFreeText } from '../text-router';
import { chatSummary, textReport } from './describe';
import { DELETE_PHRASE, WITHDRAW_PHRASE } from './keywords';

export type PrivacyAction = 'export' | 'delete' | 'withdraw';

const DELETE_YES = 'privacy:delete:yes';
const DELETE_NO = 'privacy:delete:no';
const WITHDRAW_YES = 'privacy:withdraw:yes';
const WITHDRAW_NO = 'privacy:withdraw:no';

/**
 * The person's rights over their data (UU No. 27/2022): see and download it (`/data_saya`), erase it
 * (`/hapus_data`), withdraw consent ("tarik persetujuan"). Each request is carried out in the same turn
 * — the law's 3×24 hours are met at once — and written to the processing log.
 */
export interface PrivacyParams {
  action?: PrivacyAction;
}

export const privacyFlow: Flow<'privacy'> = {
  id: 'privacy',
  async start(ctx, params) {
    switch (params?.action) {
      case 'export':
        return exportData(ctx);
      case 'delete':
        return askDelete(ctx);
      case 'withdraw':
        return askWithdraw(ctx);
      default:
        return overview(ctx, ctx.t('privacy:overview.prompt'));
    }
  },
  async handle(ctx, input) {
    switch (ctx.state.step) {
      case 'confirmDelete':
        return onDelete(ctx, input);
      case 'confirmWithdraw':
        return onWithdraw(ctx, input);
      default:
        return onOverview(ctx, input);
    }
  },
};

async function overview(ctx: FlowContext, prompt: string): Promise<void> {
  ctx.setStep('overview', {});
  ctx.ask(prompt, [
    { id: 'privacy:export', label: ctx.t('privacy:overview.export') },
    { id: 'privacy:delete', label: ctx.t('privacy:overview.delete') },
    { id: 'privacy:withdraw', label: ctx.t('privacy:overview.withdraw') },
    { id: 'privacy:settings', label: ctx.t('privacy:overview.settings') },
  ]);
}

async function onOverview(ctx: FlowContext, input: FlowInput): Promise<void> {
  if (input.kind === 'choice') {
    switch (input.id) {
      case 'privacy:export':
        return exportData(ctx);
      case 'privacy:delete':
        return askDelete(ctx);
      case 'privacy:withdraw':
        return askWithdraw(ctx);
      case 'privacy:settings':
        return ctx.go('settings');
    }
  }
  if (input.kind === 'text') return routeFreeText(ctx, input.text);
  ctx.say(ctx.t('fallback.pickOption'));
  return overview(ctx, ctx.t('privacy:overview.prompt'));
}

/** `/data_saya`: a summary in the chat, then the JSON export and a readable .txt, as files. */
async function exportData(ctx: FlowContext): Promise<void> {
  const exp = await collectPersonalData(ctx.tx, ctx.user.id);
  const messages = exp.data.messages as { included?: number } | null;
  await logAccess(ctx.tx, {
    actor: 'user',
    action: 'export',
    userId: ctx.user.id,
    detail: {
      sources: Object.keys(exp.data).filter((k) => exp.data[k] !== null),
      messages: messages?.included ?? 0,
      channel: ctx.inbound.channel,
    },
  });
  // The day in Jakarta, as the person sees it: data-jembatan-2026-11-24.json
  const day = dateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(exp.generatedAt));
  ctx.say(chatSummary(ctx, exp, EXPORT_MESSAGE_LIMIT));
  ctx.send({
    type: 'document',
    fileName: `data-jembatan-${day}.json`,
    mimeType: 'application/json',
    data: Buffer.from(exportJson(exp), 'utf8').toString('base64'),
    caption: ctx.t('privacy:export.jsonCaption'),
  });
  ctx.send({
    type: 'document',
    fileName: `data-jembatan-${day}.txt`,
    mimeType: 'text/plain',
    data: Buffer.from(textReport(ctx, exp, retentionSettings()), 'utf8').toString('base64'),
    caption: ctx.t('privacy:export.textCaption'),
  });
  return overview(ctx, ctx.t('privacy:export.next'));
}

/**
 * A confirmation counts only when it is unmistakable: the button (or its number, where choices are
 * numbered lines), or the typed phrase ("ya hapus"). A bare "ya" or "oke" does not erase anything.
 */
function confirmed(ctx: FlowContext, input: FlowInput, yesId: string, phrase: RegExp): boolean {
  const payload = ctx.inbound.payload;
  const picked = input.kind === 'choice' && input.id === yesId;
  if (payload.type === 'choice') return picked;
  if (payload.type !== 'text') return false;
  const typed = normaliseText(payload.text);
  return phrase.test(typed) || (picked && /^\d{1,2}$/.test(typed));
}

async function askDelete(ctx: FlowContext): Promise<void> {
  ctx.setStep('confirmDelete', {});
  ctx.ask(ctx.t('privacy:delete.confirm'), [
    { id: DELETE_YES, label: ctx.t('privacy:delete.yes') },
    { id: DELETE_NO, label: ctx.t('privacy:delete.no') },
  ]);
}

async function onDelete(ctx: FlowContext, input: FlowInput): Promise<void> {
  if (!confirmed(ctx, input, DELETE_YES, DELETE_PHRASE)) {
    ctx.home();
    return showMenu(ctx, ctx.t('privacy:delete.cancelled'));
  }
  await beginErasure(ctx.tx, ctx.user.id, 'user');
  // No buttons: there is no one left to press them. The next message starts a new person.
  ctx.home();
  ctx.say(ctx.t('privacy:delete.done'));
}

async function askWithdraw(ctx: FlowContext): Promise<void> {
  const consented = await hasConsent(ctx.tx, ctx.user.id, 'personal_data');
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  if (!consented && Object.keys(profile).length === 0) {
    ctx.home();
    return showMenu(ctx, ctx.t('privacy:withdraw.nothing'));
  }
  ctx.setStep('confirmWithdraw', {});
  ctx.ask(ctx.t('privacy:withdraw.confirm'), [
    { id: WITHDRAW_YES, label: ctx.t('privacy:withdraw.yes') },
    { id: WITHDRAW_NO, label: ctx.t('privacy:withdraw.no') },
  ]);
}

async function onWithdraw(ctx: FlowContext, input: FlowInput): Promise<void> {
  ctx.home();
  if (!confirmed(ctx, input, WITHDRAW_YES, WITHDRAW_PHRASE))
    return showMenu(ctx, ctx.t('privacy:withdraw.cancelled'));
  await withdrawConsent(ctx.tx, ctx.user.id, ctx.inbound.channel);
  return showMenu(ctx, ctx.t('privacy:withdraw.done'));
}

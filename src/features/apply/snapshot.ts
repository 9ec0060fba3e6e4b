import { loadFormSnapshot, prefetchedSnapshot } from '../../applications/store';
import type { FlowContext } from '../../engine/context';
import { showMenu } from '../menu/flow';
import { applyData } from './state';
import type { Loaded } from './step';

/**
 * The draft, its programme, the profile and the documents; undefined when gone. Read with the turn's
 * first statement (the prefetch) when this is the turn's first read, else in a statement of its own.
 */
export async function loadDraft(ctx: FlowContext): Promise<Loaded | undefined> {
  const d = applyData(ctx);
  const prefetched = prefetchedSnapshot(ctx.takePrefetched('apply'));
  if (!d.applicationId) return undefined;
  const snapshot =
    prefetched?.app?.id === d.applicationId
      ? prefetched
      : await loadFormSnapshot(ctx.tx, ctx.user.id, { applicationId: d.applicationId });
  return snapshot?.app ? { ...snapshot, app: snapshot.app } : undefined;
}

/** The draft is no longer there (deleted since its question was asked): back to the menu. */
export function draftGone(ctx: FlowContext): Promise<void> {
  ctx.home();
  return showMenu(ctx, ctx.t('applications:apply.gone'));
}

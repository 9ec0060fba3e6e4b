import { Hono } from 'hono';
import { detectFileType, MAX_DOCUMENT_BYTES } from '../../applications/file-type';
import { AssignError, assignableMembers, assignHandoff } from '../../handoff/assign';
import { listCanned } from '../../handoff/canned';
import { getOwnHandoff, getQueueItem } from '../../handoff/inbox';
import { conversationLog, inboundFile, type LogEntry } from '../../handoff/log';
import { addNote, checkNote, listNotes } from '../../handoff/notes';
import { personApplications, personSummary } from '../../handoff/person';
import { checkReply } from '../../handoff/reply';
import {
  claimHandoff,
  closeHandoff,
  type Handoff,
  HandoffAccessError,
  staffReply,
} from '../../handoff/service';
import { logAccess } from '../../privacy/log';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, actorOf, formField } from '../context';
import { polled } from '../fragment';
import { page } from '../layout';
import { ConversationView, type Draft } from './conversation-view';
import { LogList } from './log-view';
import { denied, nameOf, viewerOf } from './shared';

/**
 * The handoff the URL names, once it is known to be this organisation's (kept beside the request
 * rather than in the typed Hono variables, so the shared view helpers keep taking an AdminContext).
 */
const loaded = new WeakMap<Request, Handoff>();
const handoffOf = (c: AdminContext): Handoff => loaded.get(c.req.raw)!;

/**
 * One conversation: the page, its live log fragment, the file download and the actions. The handoff
 * is loaded first for every route; another organisation's (or a made-up id) answers 403 before any
 * handler or role check runs, so nothing of it is read or rendered.
 */
export function conversationRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.use('*', async (c, next) => {
    const handoff = await getOwnHandoff(db, c.req.param('id'), c.var.session.organisationSlug);
    if (!handoff) return denied(c);
    loaded.set(c.req.raw, handoff);
    await next();
  });

  const here = (c: AdminContext, flash?: string) =>
    `/admin/inbox/${handoffOf(c).id}${flash ? `?${flash}` : ''}`;

  const downloadable = (entry: LogEntry) => deps.applications?.media.has(entry.channel) ?? false;

  /** The full page; `drafts` keeps what a refused form held. */
  const show = async (c: AdminContext, drafts: { reply?: Draft; note?: Draft } = {}, status = 200) => {
    const handoff = handoffOf(c);
    const viewer = viewerOf(c);
    const [item, log, person, applications, notes, canned, members] = await Promise.all([
      getQueueItem(db, viewer, handoff.id),
      conversationLog(db, handoff.userId),
      personSummary(db, handoff.userId),
      personApplications(db, handoff.userId, viewer.organisationSlug),
      listNotes(db, handoff.id),
      listCanned(db, viewer.organisationId),
      assignableMembers(db, viewer.organisationId),
    ]);
    if (!item) return denied(c);
    // The page shows the person's messages, profile and applications: a staff view of personal data.
    await logAccess(db, {
      actor: actorOf(c.var.session),
      action: 'view',
      userId: handoff.userId,
      detail: { via: 'admin-inbox' },
    });
    const personName = nameOf(c, item.displayName);
    return page(
      c,
      c.var.t('inbox:conversation.title', { name: personName }),
      'inbox',
      <ConversationView
        c={c}
        data={{
          item,
          personName,
          log,
          canDownload: downloadable,
          person,
          applications,
          notes,
          canned,
          members,
          ...drafts,
        }}
      />,
      status,
    );
  };

  app.get('/', (c) => show(c));

  /** The log fragment `data-poll` refreshes; 286 once the case is over stops the polling. */
  app.get('/log', async (c) => {
    const handoff = handoffOf(c);
    const [item, log] = await Promise.all([
      getQueueItem(db, viewerOf(c), handoff.id),
      conversationLog(db, handoff.userId),
    ]);
    const done = handoff.status === 'closed' || handoff.status === 'cancelled';
    return polled(
      c,
      <LogList
        c={c}
        handoffId={handoff.id}
        personName={nameOf(c, item?.displayName)}
        entries={log.entries}
        older={log.older}
        canDownload={downloadable}
      />,
      done,
    );
  });

  /** A file the person sent, fetched from their platform by message id; always as a download. */
  app.get('/files/:messageId', async (c) => {
    const handoff = handoffOf(c);
    const file = await inboundFile(db, handoff.userId, Number(c.req.param('messageId')));
    if (!file) return denied(c);
    let data: Uint8Array | undefined;
    try {
      data = (
        await deps.applications?.media.download(file.channel, file.fileRef, {
          maxBytes: MAX_DOCUMENT_BYTES,
          signal: AbortSignal.timeout(15_000),
        })
      )?.data;
    } catch (error) {
      deps.logger.warn({ err: error, event: 'inbox_file_failed' }, 'inbox file download failed');
    }
    if (!data) return c.redirect(here(c, 'error=inbox:flash.fileUnavailable'), 303);
    await logAccess(db, {
      actor: actorOf(c.var.session),
      action: 'view',
      userId: handoff.userId,
      detail: { via: 'admin-inbox', file: file.media },
    });
    const type = detectFileType(data);
    const [mime, ext] =
      type.kind === 'accepted' ? [type.mimeType, type.ext] : ['application/octet-stream', 'bin'];
    // A neutral file name: the person's own file name may carry their name.
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': mime,
      'content-disposition': `attachment; filename="${file.media}-${c.req.param('messageId')}.${ext}"`,
    });
  });

  app.post('/claim', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    try {
      await claimHandoff(db, handoff.id, session.organisationSlug, session.memberId);
    } catch (error) {
      if (error instanceof HandoffAccessError)
        return c.redirect(here(c, 'error=inbox:flash.alreadyClosed'), 303);
      throw error;
    }
    return c.redirect(here(c, 'ok=inbox:flash.claimed'), 303);
  });

  app.post('/assign', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    try {
      await assignHandoff(db, {
        id: handoff.id,
        organisationSlug: session.organisationSlug,
        organisationId: session.organisationId,
        memberId: await formField(c, 'memberId'),
      });
    } catch (error) {
      if (error instanceof AssignError)
        return c.redirect(
          here(c, `error=inbox:flash.${error.code === 'closed' ? 'alreadyClosed' : 'badMember'}`),
          303,
        );
      throw error;
    }
    return c.redirect(here(c, 'ok=inbox:flash.assigned'), 303);
  });

  app.post('/reply', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    const raw = await formField(c, 'text');
    const { text, problem } = checkReply(raw);
    if (problem) {
      const error = c.var.t(`inbox:reply.${problem.key}`, problem);
      return show(c, { reply: { text: raw, error } }, 422);
    }
    try {
      // The author's name goes with the message so the log (and the staff group) can say who answered.
      await staffReply(db, handoff.id, session.organisationSlug, session.memberId, text, {
        author: session.name,
      });
    } catch (error) {
      if (error instanceof HandoffAccessError) {
        const key =
          handoff.status === 'closed' || handoff.status === 'cancelled' ? 'alreadyClosed' : 'unreachable';
        return c.redirect(here(c, `error=inbox:flash.${key}`), 303);
      }
      throw error;
    }
    return c.redirect(here(c, 'ok=inbox:flash.replied'), 303);
  });

  app.post('/notes', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    const raw = await formField(c, 'body');
    const { body, problem } = checkNote(raw);
    if (problem) {
      const error = c.var.t(`inbox:notes.${problem.key}`, problem);
      return show(c, { note: { text: raw, error } }, 422);
    }
    await addNote(db, { handoffId: handoff.id, memberId: session.memberId, authorName: session.name, body });
    return c.redirect(here(c, 'ok=inbox:flash.noted'), 303);
  });

  app.post('/close', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    if (handoff.status === 'closed' || handoff.status === 'cancelled')
      return c.redirect(here(c, 'error=inbox:flash.alreadyClosed'), 303);
    await closeHandoff(db, handoff.id, session.organisationSlug);
    return c.redirect(here(c, 'ok=inbox:flash.closed'), 303);
  });

  return app;
}

import { Hono } from 'hono';
import { detectFileType, MAX_DOCUMENT_BYTES } from '../../applications/file-type';
import { AssignError, assignableMembers, assignHandoff } from '../../handoff/assign';
import { listCanned } from '../../handoff/canned';
import { getOwnHandoff, getQueueItem } from '../../handoff/inbox';
import { conversationLog, inboundFile, type LogEntry, staffFile } from '../../handoff/log';
import { addNote, checkNote, listNotes } from '../../handoff/notes';
import { personApplications, personSummary } from '../../handoff/person';
import { checkReply } from '../../handoff/reply';
import {
  claimHandoff,
  closeHandoff,
  type Handoff,
  HandoffAccessError,
  StaffFileError,
  type StaffFileUpload,
  staffReply,
  staffReplyFile,
} from '../../handoff/service';
import { logAccess } from '../../privacy/log';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, actorOf, formField } from '../context';
import { polled } from '../fragment';
import { page } from '../layout';
import { ConversationView, type Draft } from './conversation-view';
import { LogList } from './log-view';
import { chosenFile, readUpload } from './reply-upload';
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

  // Files the person sent come from their platform; files staff sent, from the storage.
  const downloadable = (entry: LogEntry) =>
    entry.content.kind === 'file'
      ? !!deps.applications?.storage
      : (deps.applications?.media.has(entry.channel) ?? false);
  const storage = deps.applications?.storage;

  /** The full page; `drafts` keeps what a refused form held. */
  const show = async (c: AdminContext, drafts: { reply?: Draft; note?: Draft } = {}, status = 200) => {
    const handoff = handoffOf(c);
    const viewer = viewerOf(c);
    const [item, log, person, applications, notes, canned, members] = await Promise.all([
      getQueueItem(db, viewer, handoff.id),
      conversationLog(db, handoff.userId, handoff.organisation),
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
          canAttach: !!storage,
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
      conversationLog(db, handoff.userId, handoff.organisation),
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

  /**
   * A file of this conversation by message id, always as a download: one staff sent (from the storage),
   * or one the person sent (fetched from their platform).
   */
  app.get('/files/:messageId', async (c) => {
    const handoff = handoffOf(c);
    const messageId = Number(c.req.param('messageId'));
    const sent = await staffFile(db, handoff.userId, messageId, handoff.organisation);
    if (sent) {
      const data = await storage?.get(sent.key);
      if (!data) return c.redirect(here(c, 'error=inbox:flash.fileGone'), 303);
      await logAccess(db, {
        actor: actorOf(c.var.session),
        action: 'view',
        userId: handoff.userId,
        detail: { via: 'admin-inbox', file: 'staff' },
      });
      return c.body(data as Uint8Array<ArrayBuffer>, 200, {
        'content-type': sent.mimeType,
        'content-disposition': attachment(sent.fileName || `file-${messageId}`),
      });
    }
    const file = await inboundFile(db, handoff.userId, messageId, handoff.organisation);
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

  /** A text, or a file with an optional caption (multipart; the file field may be left empty). */
  app.post('/reply', canWrite, async (c) => {
    const handoff = handoffOf(c);
    const session = c.var.session;
    const t = c.var.t;
    const raw = await formField(c, 'text');
    const chosen = storage ? chosenFile((await c.req.parseBody()).file) : undefined;
    const { text, problem } = checkReply(raw, { withFile: !!chosen });
    let upload: StaffFileUpload | undefined;
    let fileError: string | undefined;
    if (chosen) {
      const read = await readUpload(chosen);
      if (read.problem) fileError = t(`inbox:reply.${read.problem.key}`, read.problem);
      else upload = read.upload;
    }
    const refuse = (error?: string, fileProblem?: string) =>
      show(
        c,
        {
          reply: {
            text: raw,
            ...(error ? { error } : {}),
            ...(fileProblem ? { fileError: fileProblem } : {}),
            // A browser never fills a file field again: say so when one was chosen.
            ...(chosen ? { chooseAgain: true } : {}),
          },
        },
        422,
      );
    if (problem || fileError)
      return refuse(problem ? t(`inbox:reply.${problem.key}`, problem) : undefined, fileError);
    // The author's name goes with the message so the log (and the staff group) can say who answered.
    const meta = { author: session.name };
    try {
      if (upload && storage)
        await staffReplyFile(
          db,
          storage,
          handoff.id,
          session.organisationSlug,
          session.memberId,
          upload,
          text,
          meta,
        );
      else await staffReply(db, handoff.id, session.organisationSlug, session.memberId, text, meta);
    } catch (error) {
      if (error instanceof StaffFileError)
        return refuse(undefined, t(`inbox:reply.${error.problem.key}`, error.problem));
      if (error instanceof HandoffAccessError) {
        const key =
          handoff.status === 'closed' || handoff.status === 'cancelled' ? 'alreadyClosed' : 'unreachable';
        return c.redirect(here(c, `error=inbox:flash.${key}`), 303);
      }
      throw error;
    }
    return c.redirect(here(c, `ok=inbox:flash.${upload ? 'repliedFile' : 'replied'}`), 303);
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

/**
 * `Content-Disposition` for a download under the file's own name: an ASCII fallback, and the exact name
 * in RFC 5987 form (headers carry no other characters).
 */
function attachment(name: string): string {
  const fallback = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

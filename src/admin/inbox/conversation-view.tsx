import type { CannedResponse } from '../../handoff/canned';
import { STAFF_FILE_ACCEPT, STAFF_FILE_MAX_BYTES } from '../../handoff/files';
import type { QueueItem } from '../../handoff/inbox';
import type { LogEntry } from '../../handoff/log';
import type { HandoffNote } from '../../handoff/notes';
import { NOTE_MAX } from '../../handoff/notes';
import type { PersonApplication, PersonSummary } from '../../handoff/person';
import { CAPTION_MAX, REPLY_MAX } from '../../handoff/reply';
import { type AdminContext, canAct } from '../context';
import { Csrf } from '../layout';
import { formatWib } from './format';
import { assigneeLabel, channelLabel, timeLabels, titleIn } from './labels';
import { LogList } from './log-view';
import { ApplicationsPanel, ProfilePanel } from './person-view';
import { SlaBadge } from './queue-view';

/** What a refused form keeps: the text typed and the message saying what is wrong. */
export interface Draft {
  text: string;
  error?: string;
}

/** A refused reply: its text field as a Draft, plus what was wrong with the chosen file. */
export interface ReplyDraft extends Draft {
  fileError?: string;
  /** A file had been chosen: the browser has dropped it, so staff must choose it again. */
  chooseAgain?: boolean;
}

export interface ConversationData {
  item: QueueItem;
  personName: string;
  log: { entries: LogEntry[]; older: number };
  canDownload: (entry: LogEntry) => boolean;
  person: PersonSummary | undefined;
  applications: PersonApplication[];
  notes: HandoffNote[];
  canned: CannedResponse[];
  members: Array<{ id: string; name: string }>;
  /** A file can go with the reply (the runtime has a document storage). */
  canAttach: boolean;
  reply?: ReplyDraft;
  note?: Draft;
}

const isOpen = (item: QueueItem) => item.status === 'waiting' || item.status === 'active';

/** The case's record: how long, where from, about what (status and who has it are in the bar). */
function Summary({ c, data }: { c: AdminContext; data: ConversationData }) {
  const t = c.var.t;
  const { item } = data;
  return (
    <section aria-labelledby="inbox-summary-h">
      <h2 id="inbox-summary-h">{t('inbox:conversation.details')}</h2>
      <dl class="inbox-dl">
        <dt>{t('inbox:queue.time')}</dt>
        <dd>{timeLabels(t, item, c.var.locale).join(' · ')}</dd>
        <dt>{t('inbox:queue.channel')}</dt>
        <dd>{channelLabel(t, item.channel)}</dd>
        <dt>{t('inbox:queue.programme')}</dt>
        <dd>
          {item.programmeSlug
            ? titleIn(item.programmeTitle, c.var.locale, item.programmeSlug)
            : t('inbox:queue.noProgramme')}
        </dd>
        <dt>{t('inbox:queue.reason')}</dt>
        <dd>{t(`inbox:reason.${item.reason}`, { defaultValue: item.reason })}</dd>
      </dl>
    </section>
  );
}

/** "Petugas: Belum ada · menunggu 3 menit", "Petugas: Anda · dibalas dalam 2 menit", "… · dinilai 5 dari 5". */
function statusLine(c: AdminContext, item: QueueItem): string {
  const t = c.var.t;
  const who = t('inbox:bar.staff', { name: assigneeLabel(t, item, c.var.session.memberId) });
  if (item.status === 'closed')
    return [who, item.rating ? t('inbox:bar.rated', { rating: item.rating }) : t('inbox:bar.notRated')].join(
      ' · ',
    );
  if (item.status === 'cancelled') return who;
  return [who, timeLabels(t, item, c.var.locale)[0]].join(' · ');
}

/**
 * The first thing under the title: the case's state, who has it, and what can be done now (take it,
 * jump to the reply, hand it over, close it). Hand-over and close open in place (<details>, one at a
 * time), so they work without JavaScript and closing always says what it does before the button that
 * does it.
 */
function ActionBar({ c, data }: { c: AdminContext; data: ConversationData }) {
  const t = c.var.t;
  const { item, members } = data;
  const me = c.var.session.memberId;
  const actions = isOpen(item) && canAct(c);
  return (
    <section class="inbox-bar" aria-labelledby="inbox-bar-h">
      <h2 id="inbox-bar-h" class="sr-only">
        {t('inbox:bar.heading')}
      </h2>
      <p class="inbox-bar-status">
        <span class={`badge inbox-state inbox-state-${item.status}`}>{t(`inbox:status.${item.status}`)}</span>{' '}
        {statusLine(c, item)}
        {item.overdue ? (
          <>
            {' '}
            <SlaBadge c={c} />
          </>
        ) : null}
      </p>
      {actions ? (
        <>
          {!item.assignedTo ? (
            <p class="muted inbox-bar-hint" id="inbox-claim-hint">
              {t('inbox:bar.claimHint')}
            </p>
          ) : null}
          <div class="inbox-bar-actions">
            {item.assignedTo !== me ? (
              <form method="post" action={`/admin/inbox/${item.id}/claim`}>
                <Csrf c={c} />
                <button type="submit" aria-describedby={item.assignedTo ? undefined : 'inbox-claim-hint'}>
                  {item.assignedTo ? t('inbox:actions.takeOver') : t('inbox:actions.claim')}
                </button>
              </form>
            ) : null}
            <a class="button secondary" href="#inbox-reply">
              {t('inbox:bar.reply')}
            </a>
            <details class="inbox-bar-more" name="inbox-bar">
              <summary class="button secondary">{t('inbox:actions.assignOpen')}</summary>
              <form method="post" action={`/admin/inbox/${item.id}/assign`} class="inbox-bar-panel">
                <Csrf c={c} />
                <label for="inbox-assign">{t('inbox:actions.assign')}</label>
                <select id="inbox-assign" name="memberId" required>
                  {members.map((m) => (
                    <option value={m.id} selected={m.id === item.assignedTo}>
                      {m.id === me ? `${m.name} (${t('inbox:queue.you')})` : m.name}
                    </option>
                  ))}
                </select>
                <div class="actions">
                  <button type="submit">{t('inbox:actions.assignSubmit')}</button>
                </div>
              </form>
            </details>
            <details class="inbox-bar-more" name="inbox-bar">
              <summary class="button secondary">{t('inbox:actions.close')}</summary>
              <form method="post" action={`/admin/inbox/${item.id}/close`} class="inbox-bar-panel">
                <Csrf c={c} />
                <p id="inbox-close-hint">{t('inbox:actions.closeHint')}</p>
                <div class="actions">
                  <button type="submit" class="danger" aria-describedby="inbox-close-hint">
                    {t('inbox:actions.closeSubmit')}
                  </button>
                </div>
              </form>
            </details>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ReplyForm({ c, data }: { c: AdminContext; data: ConversationData }) {
  const t = c.var.t;
  const { item, canned, reply } = data;
  const textDescribedBy = [reply?.error ? 'inbox-reply-error' : '', 'inbox-reply-hint']
    .filter(Boolean)
    .join(' ');
  const fileDescribedBy = [reply?.fileError ? 'inbox-reply-file-error' : '', 'inbox-reply-file-hint']
    .filter(Boolean)
    .join(' ');
  return (
    <section id="inbox-reply" class="inbox-reply-box" aria-labelledby="inbox-reply-h">
      <h2 id="inbox-reply-h">{t('inbox:reply.heading')}</h2>
      <form
        method="post"
        action={`/admin/inbox/${item.id}/reply`}
        class="inbox-reply"
        {...(data.canAttach ? { enctype: 'multipart/form-data' } : {})}
      >
        <Csrf c={c} />
        {canned.length ? (
          <>
            <label for="inbox-canned">{t('inbox:reply.canned')}</label>
            <select id="inbox-canned" data-fill="#inbox-reply-text" aria-describedby="inbox-canned-hint">
              <option value="">{t('inbox:reply.cannedNone')}</option>
              {canned.map((r) => (
                <option value={r.id} data-text={r.body}>
                  {r.title}
                </option>
              ))}
            </select>
            <p class="muted" id="inbox-canned-hint">
              {t('inbox:reply.cannedHint')}
            </p>
          </>
        ) : (
          <p class="muted inbox-canned-empty">
            {t('inbox:reply.cannedEmpty')} <a href="/admin/inbox/canned">{t('inbox:queue.canned')}</a>
          </p>
        )}
        <label for="inbox-reply-text">{t('inbox:reply.label', { name: data.personName })}</label>
        {reply?.error ? (
          <p class="notice error" role="alert" id="inbox-reply-error">
            {reply.error}
          </p>
        ) : null}
        {/* Not `required`: a file may go without a text (the server says when both are missing). */}
        <textarea
          id="inbox-reply-text"
          name="text"
          rows={5}
          aria-invalid={reply?.error ? 'true' : undefined}
          aria-describedby={textDescribedBy}
        >
          {reply?.text ?? ''}
        </textarea>
        <p class="muted" id="inbox-reply-hint">
          {t('inbox:reply.hint', { channel: channelLabel(t, item.channel), max: REPLY_MAX })}
        </p>
        {data.canAttach ? (
          <>
            <label for="inbox-reply-file">{t('inbox:reply.fileLabel')}</label>
            {reply?.fileError ? (
              <p class="notice error" role="alert" id="inbox-reply-file-error">
                {reply.fileError}
              </p>
            ) : null}
            {reply?.chooseAgain && !reply.fileError ? (
              <p class="notice warn" id="inbox-reply-file-error">
                {t('inbox:reply.chooseAgain')}
              </p>
            ) : null}
            <input
              type="file"
              id="inbox-reply-file"
              name="file"
              accept={STAFF_FILE_ACCEPT}
              aria-invalid={reply?.fileError ? 'true' : undefined}
              aria-describedby={
                reply?.chooseAgain && !reply.fileError
                  ? `inbox-reply-file-error ${fileDescribedBy}`
                  : fileDescribedBy
              }
            />
            <p class="muted" id="inbox-reply-file-hint">
              {t('inbox:reply.fileHint', { max: STAFF_FILE_MAX_BYTES / (1024 * 1024), caption: CAPTION_MAX })}
            </p>
          </>
        ) : null}
        <div class="actions">
          <button type="submit">{t('inbox:reply.submit')}</button>
        </div>
      </form>
    </section>
  );
}

function Notes({ c, data }: { c: AdminContext; data: ConversationData }) {
  const t = c.var.t;
  const { item, notes, note } = data;
  return (
    // Set apart from the reply (its own box, "not sent" said in the hint, the label and the button):
    // a note must never look like a message to the person.
    <section aria-labelledby="inbox-notes-h" class="inbox-notes">
      <h2 id="inbox-notes-h">{t('inbox:notes.heading')}</h2>
      <p class="inbox-notes-hint" id="inbox-notes-hint">
        {t('inbox:notes.hint', { name: data.personName })}
      </p>
      {notes.length === 0 ? (
        <p class="muted">{t('inbox:notes.empty')}</p>
      ) : (
        <ul class="inbox-note-list">
          {notes.map((n) => (
            <li>
              <p class="inbox-text">{n.body}</p>
              <p class="muted">
                {t('inbox:notes.by', { name: n.authorName, time: formatWib(n.createdAt, c.var.locale) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canAct(c) ? (
        <form method="post" action={`/admin/inbox/${item.id}/notes`}>
          <Csrf c={c} />
          <label for="inbox-note-text">{t('inbox:notes.label')}</label>
          {note?.error ? (
            <p class="notice error" role="alert" id="inbox-note-error">
              {note.error}
            </p>
          ) : null}
          <textarea
            id="inbox-note-text"
            name="body"
            rows={3}
            required
            maxlength={NOTE_MAX}
            aria-invalid={note?.error ? 'true' : undefined}
            aria-describedby={note?.error ? 'inbox-note-error inbox-notes-hint' : 'inbox-notes-hint'}
          >
            {note?.text ?? ''}
          </textarea>
          <div class="actions">
            <button type="submit" class="secondary">
              {t('inbox:notes.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/**
 * The conversation page's body. On a phone, in reading order: the way back, the status and actions
 * bar, the messages, the reply, then the record (summary, notes, profile, applications).
 */
export function ConversationView({ c, data }: { c: AdminContext; data: ConversationData }) {
  const t = c.var.t;
  const { item } = data;
  const open = isOpen(item);
  const writer = canAct(c);
  return (
    <>
      <p class="back">
        <a href="/admin/inbox">{t('inbox:conversation.back')}</a>
      </p>
      <ActionBar c={c} data={data} />
      {item.status === 'closed' ? (
        <p class="notice" role="status">
          {t('inbox:conversation.closedNotice')}
        </p>
      ) : null}
      {item.status === 'cancelled' ? (
        <p class="notice" role="status">
          {t('inbox:conversation.cancelledNotice')}
        </p>
      ) : null}
      {!writer ? <p class="notice warn">{t('inbox:actions.readOnly')}</p> : null}
      <div class="inbox-layout">
        <div class="inbox-main">
          <div>
            <h2 id="inbox-log-h">{t('inbox:conversation.log')}</h2>
            <p class="muted sr-only">{t('inbox:conversation.logHint')}</p>
            {/* Focusable so the scrolling log can be read with the keyboard. */}
            <section
              id="inbox-log"
              class="inbox-log"
              tabindex={0}
              aria-labelledby="inbox-log-h"
              data-poll={`/admin/inbox/${item.id}/log`}
              data-poll-ms="3000"
              data-stick-bottom
            >
              <LogList
                c={c}
                handoffId={item.id}
                personName={data.personName}
                entries={data.log.entries}
                older={data.log.older}
                canDownload={data.canDownload}
              />
            </section>
          </div>
          {open && writer ? <ReplyForm c={c} data={data} /> : null}
        </div>
        <div class="inbox-side">
          <Summary c={c} data={data} />
          <Notes c={c} data={data} />
          {data.person ? <ProfilePanel c={c} person={data.person} /> : null}
          <ApplicationsPanel c={c} items={data.applications} />
        </div>
      </div>
    </>
  );
}

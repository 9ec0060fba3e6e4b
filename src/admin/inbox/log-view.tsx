import type { LogContent, LogEntry } from '../../handoff/log';
import type { AdminContext } from '../context';
import { formatSize, formatWib, isoOf } from './format';
import { linkify } from './linkify';

/** The download of a message's file, on its own line and big enough for a thumb. */
function Download({ c, href, what }: { c: AdminContext; href: string | undefined; what: string }) {
  if (!href) return null;
  return (
    <p class="inbox-download">
      <a href={href} download>
        {c.var.t('inbox:conversation.download', { what: what.toLowerCase() })}
      </a>
    </p>
  );
}

function Content({
  c,
  content,
  href,
}: {
  c: AdminContext;
  content: LogContent;
  /** Where the file of this message can be downloaded (by message id), if it can be. */
  href: string | undefined;
}) {
  const t = c.var.t;
  switch (content.kind) {
    case 'text':
      return (
        <>
          <p class="inbox-text">{linkify(content.text)}</p>
          {content.buttons ? (
            <p class="muted inbox-buttons">
              {t('inbox:conversation.buttons', { labels: content.buttons.join(' · ') })}
            </p>
          ) : null}
        </>
      );
    case 'choice':
      return (
        <p class="inbox-text">
          {content.label
            ? t('inbox:conversation.pressed', { label: content.label })
            : t('inbox:conversation.pressedUnknown')}
        </p>
      );
    case 'media': {
      const what = t(`inbox:conversation.media.${content.media}`);
      return (
        <>
          <p class="inbox-text">
            <span class="badge">{what}</span>
            {content.fileName ? <> {content.fileName}</> : null}
          </p>
          {content.caption ? (
            <p class="inbox-text">{linkify(t('inbox:conversation.caption', { caption: content.caption }))}</p>
          ) : null}
          <Download c={c} href={href} what={what} />
        </>
      );
    }
    case 'contact':
      return <p class="inbox-text muted">{t('inbox:conversation.contact')}</p>;
    case 'location':
      return <p class="inbox-text muted">{t('inbox:conversation.location')}</p>;
    case 'document':
      return (
        <p class="inbox-text">
          {t('inbox:conversation.documentOut', { name: content.fileName })}
          {content.caption ? <> — {content.caption}</> : null}
        </p>
      );
    case 'file': {
      // A file staff sent: what it is, its name and size, and a download link for staff.
      const what = t(`inbox:conversation.media.${content.media}`);
      return (
        <>
          <p class="inbox-text">
            <span class="badge">{what}</span> {content.fileName}{' '}
            <span class="muted">({formatSize(content.size, c.var.locale)})</span>
          </p>
          {content.caption ? (
            <p class="inbox-text">{t('inbox:conversation.caption', { caption: content.caption })}</p>
          ) : null}
          <Download c={c} href={href} what={what} />
        </>
      );
    }
    case 'other':
      return <p class="inbox-text muted">{t('inbox:conversation.other', { what: content.what })}</p>;
    case 'elsewhere':
      return <p class="inbox-text muted">{t(`inbox:conversation.elsewhere.${content.topic}`)}</p>;
  }
}

/** The messages, oldest first; what `data-poll` replaces inside the log. */
export function LogList(props: {
  c: AdminContext;
  handoffId: string;
  personName: string;
  entries: LogEntry[];
  older: number;
  /** The file of this entry can be fetched: from the person's platform, or (staff files) the storage. */
  canDownload: (entry: LogEntry) => boolean;
}) {
  const { c, entries } = props;
  const t = c.var.t;
  const now = new Date();
  if (!entries.length) return <p class="muted">{t('inbox:conversation.empty')}</p>;
  return (
    <>
      {props.older > 0 ? <p class="muted">{t('inbox:conversation.older', { count: props.older })}</p> : null}
      <ol class="inbox-log-list">
        {entries.map((entry) => {
          if (entry.content.kind === 'elsewhere')
            // Another organisation's: one neutral line, no sender, no content.
            return (
              <li class="inbox-msg inbox-elsewhere" id={`m${entry.id}`}>
                <p class="inbox-meta">
                  <time datetime={isoOf(entry.at)}>{formatWib(entry.at, c.var.locale, now)}</time>
                </p>
                <Content c={c} content={entry.content} href={undefined} />
              </li>
            );
          const from =
            entry.origin === 'person'
              ? props.personName
              : t(`inbox:conversation.from.${entry.origin}`, { defaultValue: entry.origin }) +
                (entry.author ? ` (${entry.author})` : '');
          const href =
            ((entry.content.kind === 'media' && entry.content.downloadable) ||
              entry.content.kind === 'file') &&
            props.canDownload(entry)
              ? `/admin/inbox/${props.handoffId}/files/${entry.id}`
              : undefined;
          return (
            <li class={`inbox-msg inbox-${entry.direction} inbox-from-${entry.origin}`} id={`m${entry.id}`}>
              <p class="inbox-meta">
                <strong>{from}</strong> ·{' '}
                <time datetime={isoOf(entry.at)}>{formatWib(entry.at, c.var.locale, now)}</time>
                {entry.direction === 'out' && entry.status !== 'sent' ? (
                  <span class="muted">
                    {' '}
                    · {t(`inbox:conversation.delivery.${entry.status}`, { defaultValue: entry.status })}
                  </span>
                ) : null}
              </p>
              <Content c={c} content={entry.content} href={href} />
            </li>
          );
        })}
      </ol>
    </>
  );
}

import type { FlowContext } from '../../engine/context';
import type { Outbound } from '../../shared/conversation';
import { brochureContentType, type Programme } from '../../shared/programme';
import { titleOf } from './format';

/*
 * A programme's brochure uploaded in the dashboard (issue #20, point 8): the card offers it and the bot
 * sends the file itself from the document storage — a photo as a picture, a PDF as a document — so it
 * works without a public address for the dashboard (a local machine, a private network).
 */

/** The brochure as a message, or undefined when the programme has none. */
export function brochureMessage(ctx: FlowContext, p: Programme): Outbound | undefined {
  const name = p.brochure;
  const mimeType = name ? brochureContentType(name) : undefined;
  if (!name || !mimeType) return undefined;
  const ext = name.slice(name.lastIndexOf('.'));
  return {
    type: 'file',
    media: mimeType === 'application/pdf' ? 'document' : 'photo',
    key: `brochures/${name}`,
    fileName: `${ctx.t('discovery:brochure.fileName')}-${p.slug}${ext}`,
    mimeType,
    size: 0,
    caption: ctx.t('discovery:brochure.caption', { title: titleOf(ctx, p.title) }),
  };
}

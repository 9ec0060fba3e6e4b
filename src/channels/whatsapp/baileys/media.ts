import { downloadMediaMessage, type WAMessage, type WASocket } from 'baileys';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { whatsappMedia } from '../../../db/schema';
import type { Logger } from '../../../logger';
import { decode, encode } from './auth-state';

/*
 * A received photo or document is not downloaded on arrival: its key and media keys are kept, and the
 * payload's `fileRef` (`baileys:<message id>`) names them, so the application form (a later issue) can
 * fetch the file when it needs it — and ask the phone to re-upload it if WhatsApp's copy has expired.
 */

const PREFIX = 'baileys:';

export async function rememberMedia(db: Db, msg: WAMessage, externalId: string): Promise<void> {
  const id = msg.key.id;
  if (!id) return;
  const kept = { key: msg.key, message: msg.message, messageTimestamp: msg.messageTimestamp };
  await db
    .insert(whatsappMedia)
    .values({ messageId: id, externalId, message: encode(kept) })
    .onConflictDoNothing();
}

export async function loadMediaMessage(db: Db, fileRef: string): Promise<WAMessage | undefined> {
  if (!fileRef.startsWith(PREFIX)) return undefined;
  const [row] = await db
    .select({ message: whatsappMedia.message })
    .from(whatsappMedia)
    .where(eq(whatsappMedia.messageId, fileRef.slice(PREFIX.length)));
  return row ? decode<WAMessage>(row.message) : undefined;
}

/** Downloads (and decrypts) a received file; the socket lets WhatsApp re-upload an expired one. */
export async function downloadMedia(
  db: Db,
  fileRef: string,
  socket: Pick<WASocket, 'updateMediaMessage'> | undefined,
  logger: Logger,
): Promise<Buffer | undefined> {
  const msg = await loadMediaMessage(db, fileRef);
  if (!msg) return undefined;
  return downloadMediaMessage(
    msg,
    'buffer',
    {},
    {
      logger: logger.child({ module: 'baileys-media' }, { level: 'error' }),
      reuploadRequest: socket ? (m) => socket.updateMediaMessage(m) : async (m) => m,
    },
  );
}

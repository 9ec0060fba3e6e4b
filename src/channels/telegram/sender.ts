import { type Api, GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import { encodeCallbackData } from '../../engine/choices';
import { type ChannelSender, SendError, type SendOk } from '../../outbox/sender';
import type { Choice, Outbound } from '../../shared/conversation';
import { readStoredFile, STORED_FILE_MISSING, type StoredFileReader } from '../../storage/stored-files';

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
// grammY's Node build types its signal with the abort-controller shim; the runtime takes a standard one.
type GrammySignal = Parameters<Api['sendMessage']>[3];

/** Short labels share a row; long ones get their own; the two navigation buttons close the keyboard. */
export function inlineKeyboard(choices: Choice[], token: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  let rowKind: 'listed' | 'nav' | 'other' = 'other';
  choices.forEach((choice, index) => {
    // Numbered list items share one row (up to 5); short navigation buttons pair up; others stand alone.
    const kind = choice.listed
      ? 'listed'
      : choice.id.startsWith('nav:') && choice.label.length <= 18
        ? 'nav'
        : 'other';
    const fits = kind === rowKind && ((kind === 'listed' && inRow < 5) || (kind === 'nav' && inRow < 2));
    if (inRow > 0 && !fits) {
      keyboard.row();
      inRow = 0;
    }
    keyboard.text(choice.label.slice(0, 64), encodeCallbackData(token, index));
    rowKind = kind;
    inRow += 1;
  });
  return keyboard;
}

/**
 * "Share my phone number": Telegram can only ask for a contact through a reply keyboard (not inline
 * buttons). The first choice labels the contact button; the others (Menu, Petugas) become text buttons
 * whose text the router matches against the screen like a typed reply. One-time: it folds away once used.
 */
export function contactKeyboard(choices: Choice[]): Keyboard {
  const keyboard = new Keyboard().requestContact(choices[0]?.label ?? '📱');
  const rest = choices.slice(1);
  if (rest.length) keyboard.row();
  for (const choice of rest) keyboard.text(choice.label.slice(0, 64));
  return keyboard.resized().oneTime();
}

/** A plain message (no buttons) also folds away a contact keyboard left open by a typed answer. */
const REMOVE_KEYBOARD = { remove_keyboard: true } as const;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;

  constructor(
    private readonly api: Api,
    /** Where files staff send are kept (`Outbound` type `file`). */
    private readonly files?: StoredFileReader,
  ) {}

  async send(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk> {
    try {
      if (message.type === 'file') return await this.sendFile(address, message, signal);
      if (message.type === 'document') {
        const file = new InputFile(Buffer.from(message.data, 'base64'), message.fileName);
        const sent = await this.api.sendDocument(
          address,
          file,
          message.caption ? { caption: clip(message.caption, CAPTION_LIMIT) } : {},
          signal as GrammySignal,
        );
        return { platformMessageId: String(sent.message_id) };
      }
      const reply_markup = message.requestContact
        ? contactKeyboard(message.choices ?? [])
        : message.choices?.length && message.token
          ? inlineKeyboard(message.choices, message.token)
          : REMOVE_KEYBOARD;
      const sent = await this.api.sendMessage(
        address,
        clip(message.text, TEXT_LIMIT),
        { reply_markup },
        signal as GrammySignal,
      );
      return { platformMessageId: String(sent.message_id) };
    } catch (error) {
      throw toSendError(error);
    }
  }

  /**
   * A stored file: a photo as a picture, anything else as a document. Telegram refuses some images as
   * photos (too long or too wide, like a full-page screenshot of a schedule): those go as documents.
   */
  private async sendFile(
    address: string,
    message: Extract<Outbound, { type: 'file' }>,
    signal?: AbortSignal,
  ): Promise<SendOk> {
    const data = await readStoredFile(this.files, message.key);
    if (!data) throw new SendError({ kind: 'permanent' }, STORED_FILE_MISSING);
    const other = message.caption ? { caption: clip(message.caption, CAPTION_LIMIT) } : {};
    const upload = () => new InputFile(data, message.fileName);
    if (message.media === 'photo') {
      try {
        const sent = await this.api.sendPhoto(address, upload(), other, signal as GrammySignal);
        return { platformMessageId: String(sent.message_id) };
      } catch (error) {
        if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
      }
    }
    const sent = await this.api.sendDocument(address, upload(), other, signal as GrammySignal);
    return { platformMessageId: String(sent.message_id) };
  }
}

/** Maps Bot API failures onto what the outbox does next. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof GrammyError) {
    if (error.error_code === 429)
      return new SendError(
        { kind: 'rate_limited', retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 },
        error.description,
      );
    if (error.error_code === 403) return new SendError({ kind: 'blocked' }, error.description);
    if (error.error_code >= 500) return new SendError({ kind: 'transient' }, error.description);
    return new SendError({ kind: 'permanent' }, error.description);
  }
  if (error instanceof HttpError)
    return new SendError({ kind: neverSent(error.error) ? 'transient' : 'unknown' }, error.message);
  return new SendError({ kind: 'transient' }, error instanceof Error ? error.message : String(error));
}

/** Network errors that happen before a request can have left: nothing reached Telegram. */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/**
 * Whether a failed Bot API call certainly did nothing. Refused connections and failed look-ups never
 * sent the request; an answer that was not Telegram's JSON (a proxy's error page) was an answer, and
 * Telegram's own answers are GrammyErrors. Anything else — our timeout, a connection reset while
 * waiting — leaves the outcome unknown: Telegram may have delivered the message.
 */
function neverSent(cause: unknown): boolean {
  if (cause instanceof SyntaxError) return true;
  const code =
    (cause as { code?: unknown } | undefined)?.code ??
    (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' && BEFORE_SENDING.has(code);
}

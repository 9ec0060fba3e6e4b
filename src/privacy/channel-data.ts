/** The WhatsApp channel's part of a personal-data export (src/channels/whatsapp/privacy-source.ts). */
export interface WhatsAppExport {
  /** The person's WhatsApp addresses: phone-number JID and LID. */
  contacts: Array<{ externalId: string; pnJid: string | null; lidJid: string | null }>;
  /** Whether someone at the organisation is answering from the phone right now. */
  phonePausedUntil: string | null;
}

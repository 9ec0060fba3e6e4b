import type { Outbound } from '../../shared/conversation';

export interface Printed {
  /** Who the line is for, when it is not the person at the keyboard ("→ rina"). */
  to?: string;
  /** A staff member wrote it (the inbox or the staff group), with their name when known. */
  staff?: string;
  lines: string[];
}

/**
 * One outbound message as the terminal shows it: text as it is, files as one line each, staff replies
 * labelled as staff, and messages for another simulated person marked with their name.
 */
export function renderForTerminal(address: string, message: Outbound, current: string): Printed {
  const meta = message as Outbound & { author?: unknown; via?: unknown };
  const staff = typeof meta.author === 'string' && meta.author ? meta.author : meta.via ? '' : undefined;
  const out: Printed = { lines: [] };
  if (address !== current) out.to = address;
  if (staff !== undefined) out.staff = staff;
  if (message.type === 'document') out.lines.push(`📎 ${message.fileName} (${message.mimeType})`);
  else if (message.type === 'file') {
    const size = `${Math.max(1, Math.round(message.size / 1024))} KB`;
    out.lines.push(`📎 ${message.fileName} (${message.mimeType}, ${size})`);
    if (message.caption) out.lines.push(message.caption);
  } else out.lines.push(message.text);
  return out;
}

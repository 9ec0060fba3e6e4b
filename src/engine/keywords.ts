/**
 * Words that work everywhere, whatever flow is active (design.md §3): they are matched before the flow
 * sees the input. These are inputs people type, not text the bot says.
 */
export type GlobalCommand =
  | { command: 'start'; payload?: string }
  | {
      command:
        | 'menu'
        | 'help'
        | 'cancel'
        | 'language'
        | 'stop'
        | 'resume'
        | 'human'
        | 'my_data'
        | 'delete_data'
        | 'settings';
    };

const EXACT: Record<string, GlobalCommand['command']> = {
  menu: 'menu',
  'menu utama': 'menu',
  'ke menu': 'menu',
  'main menu': 'menu',
  bantuan: 'help',
  help: 'help',
  tolong: 'help',
  batal: 'cancel',
  batalkan: 'cancel',
  cancel: 'cancel',
  bahasa: 'language',
  language: 'language',
  'ganti bahasa': 'language',
  berhenti: 'stop',
  stop: 'stop',
  unsub: 'stop',
  unsubscribe: 'stop',
  'jangan kirim lagi': 'stop',
  mulai: 'resume',
  petugas: 'human',
  'bicara dengan petugas': 'human',
  pengaturan: 'settings',
};

const COMMANDS: Record<string, GlobalCommand['command']> = {
  menu: 'menu',
  bantuan: 'help',
  help: 'help',
  batal: 'cancel',
  cancel: 'cancel',
  bahasa: 'language',
  language: 'language',
  berhenti: 'stop',
  stop: 'stop',
  mulai: 'resume',
  petugas: 'human',
  data_saya: 'my_data',
  hapus_data: 'delete_data',
  pengaturan: 'settings',
  settings: 'settings',
};

export function globalCommand(raw: string): GlobalCommand | undefined {
  const text = raw.trim();
  // "/start abc", "/menu@JembatanBot"
  const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$/i.exec(text);
  if (command) {
    const name = command[1]!.toLowerCase();
    if (name === 'start')
      return command[2] ? { command: 'start', payload: command[2].trim() } : { command: 'start' };
    const mapped = COMMANDS[name];
    return mapped ? { command: mapped } : undefined;
  }
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const mapped = EXACT[words];
  return mapped ? { command: mapped } : undefined;
}

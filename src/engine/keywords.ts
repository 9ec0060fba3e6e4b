import { normalize } from '../nlu';
import { normaliseText } from '../shared/text/normalise';

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

type Said = 'menu' | 'cancel' | 'human';

const PEOPLE = [
  'petugas',
  'admin',
  'cs',
  'operator',
  'customer service',
  'manusia',
  'orang asli',
  'orang beneran',
];
const REACH = [
  'bicara',
  'ngomong',
  'ngobrol',
  'chat',
  'hubungi',
  'sambungkan',
  'hubungkan',
  'panggil',
  'talk to',
];
const JOIN = ['', ' dengan', ' sama', ' ke', ' ke sama'];

/**
 * The same commands in people's own words, matched on the whole message once slang is standardised and
 * politeness dropped ("balik ke menu dong", "gajadi deh", "mau ngomong sama petugas"): so they also work
 * while a question waits for typed text, and a sentence that merely contains them is left to the flow.
 */
const SAID: ReadonlyMap<string, Said> = new Map<string, Said>([
  ...[
    'menu',
    'menu utama',
    'main menu',
    'home',
    'beranda',
    'halaman utama',
    'back to menu',
    ...['ke', 'balik ke', 'kembali ke', 'balik', 'kembali'].flatMap((go) =>
      ['menu', 'menu utama', 'awal', 'halaman utama'].map((to) => `${go} ${to}`),
    ),
    'mulai dari awal',
    'ulang dari awal',
    'dari awal',
  ].map((p) => [p, 'menu'] as [string, Said]),
  ...['batal', 'batalkan', 'cancel', 'tidak jadi', 'sudahan', 'keluar'].map(
    (p) => [p, 'cancel'] as [string, Said],
  ),
  ...PEOPLE.flatMap((who) => [
    ...(who.startsWith('orang') ? [] : [who, `ke ${who}`]),
    ...REACH.flatMap((verb) => JOIN.map((join) => `${verb}${join} ${who}`)),
  ]).map((p) => [p, 'human'] as [string, Said]),
]);
/** Words that only make a command polite or personal: "tolong", "dong", "saya mau". */
const POLITE = new Set(
  'dong deh sih saja ya yah please tolong minta mau ingin saya kamu dulu nih ah lah yuk ayo bisa langsung aja'.split(
    ' ',
  ),
);
const COMMAND_OF: Record<Said, GlobalCommand['command']> = { menu: 'menu', cancel: 'cancel', human: 'human' };

function saidInOtherWords(text: string): GlobalCommand | undefined {
  if (text.length > 60) return undefined;
  const words = normalize(text)
    .split(' ')
    .filter((w) => w && !POLITE.has(w));
  const said = SAID.get(words.join(' '));
  return said ? { command: COMMAND_OF[said] } : undefined;
}

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
  const words = normaliseText(text);
  const mapped = EXACT[words];
  return mapped ? { command: mapped } : saidInOtherWords(words);
}

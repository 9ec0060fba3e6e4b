import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { rowsOf } from '../../src/db/rows';
import { identities } from '../../src/db/schema';
import type { BotApiCall } from '../helpers/bot-api';
import { programme } from '../helpers/catalogue';
import type { conversation } from '../helpers/conversation';
import type { Harness } from '../helpers/harness';

export const CATALOGUE = [
  programme('las-privasi', {
    title: { id: 'Pelatihan Las Privasi' },
    eligibility: {
      age: { min: 18, max: 40 },
      education: { min: 'SMP' },
      gender: 'perempuan',
      domicile: ['35'],
      status: ['tidak_bekerja', 'lulusan_baru'],
    },
  }),
  programme('jahit-privasi', {
    title: { id: 'Pelatihan Menjahit Privasi' },
    field: 'menjahit',
    eligibility: { age: { min: 17, max: 45 }, education: { min: 'SD' } },
  }),
];

/** dd-mm-yyyy of the day `years` years and `days` days ago. */
export function bornAgo(years: number, days = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

export type Chat = ReturnType<typeof conversation>;

/**
 * A person who consented and told the bot their profile (through an eligibility check), saved a
 * programme and asked to be told about new ones.
 */
export async function personWithProfile(h: Harness, chat: Chat, birth: string): Promise<void> {
  await chat.say('/start p_las-privasi');
  let reply = await chat.press('✅ Cek kelayakan');
  const answers: Array<[string, string]> = [
    ['tanggal lahirmu', birth],
    ['jenis kelaminmu', 'perempuan'],
    ['kabupaten/kota mana', 'surabaya'],
    ['pendidikan terakhir', 'SMA'],
    ['kegiatanmu sekarang', 'nganggur'],
  ];
  for (let turn = 0; turn < 10; turn++) {
    if (reply.text.includes('Apakah kamu setuju')) {
      reply = await chat.press('✅ Setuju', reply);
      continue;
    }
    const answer = answers.find(([q]) => reply.text.includes(q));
    if (!answer) break;
    reply = await chat.say(answer[1]);
  }
  if (!reply.text.includes('memenuhi syarat')) throw new Error(`profile did not complete: ${reply.text}`);
  // Save the programme from its card, and ask for news about welding courses.
  await chat.say('/start p_las-privasi');
  await chat.press('⭐ Simpan');
  await chat.say('kabari aku kalau ada magang jepang');
  if (!chat.texts().some((t) => t.startsWith('Siap! Aku akan mengabarimu')))
    throw new Error(`no alert saved: ${chat.texts().slice(-2).join(' / ')}`);
  void h;
}

/** The file a sendDocument call carried. */
export function documentOf(call: BotApiCall): { fileName: string; content: string } {
  const boundary = call.raw.split('\r\n')[0]!;
  const parts = call.raw.split(boundary);
  // grammY sends `document=attach://<name>` and the file as the part called <name>.
  const attach = /^attach:\/\/(.+)$/.exec(String(call.body.document ?? ''))?.[1];
  const name = attach ?? 'document';
  const part = parts.find((p) => p.includes(`name="${name}"`));
  if (!part) throw new Error('no document in the upload');
  const fileName = /filename="?([^"\r\n;]+)"?/.exec(part)?.[1] ?? '';
  const content = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
  return { fileName, content };
}

/** The ways a value can appear inside base64 (a file in the outbox): one per byte alignment. */
function base64Forms(value: string): string[] {
  const forms: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.from(`${'\0'.repeat(k)}${value}`, 'utf8').toString('base64');
    const end = Math.floor((Buffer.byteLength(value) + k) / 3) * 4;
    const form = encoded.slice(k > 0 ? 4 : 0, end);
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}

/**
 * Every row of every table (any schema but the system ones) that contains one of the values, as
 * plain text or inside base64: `table: value`.
 */
export async function findEverywhere(db: Db, values: string[]): Promise<string[]> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`),
  );
  // One statement per table that answers for every value at once: a statement per table, value and
  // form was about 1,500 round trips, which on a loaded machine outlasted the test's timeout.
  const matches = values.map((value) =>
    sql.join(
      [value, ...base64Forms(value)].map((form) => sql`t::text ilike ${`%${form}%`}`),
      sql` or `,
    ),
  );
  const columns = sql.join(
    matches.map((match, i) => sql`bool_or(${match}) as ${sql.identifier(`v${i}`)}`),
    sql`, `,
  );
  const hits: string[] = [];
  for (const table of tables) {
    const [row] = rowsOf<Record<string, boolean | null>>(
      await db.execute(
        sql`select ${columns} from ${sql.identifier(table.schema)}.${sql.identifier(table.name)} as t`,
      ),
    );
    values.forEach((value, i) => {
      if (row?.[`v${i}`]) hits.push(`${table.schema}.${table.name}: ${value}`);
    });
  }
  return hits;
}

/** The person behind a Telegram account, as the engine created them. */
export async function userIdOf(h: Harness, telegramId: number): Promise<string> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))));
  return row!.userId;
}

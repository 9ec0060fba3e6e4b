import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { FieldCipher } from '../shared/field-cipher';
import { maskNiksInText } from '../shared/nik-text';

/** Candidate rows: 16 digits, whole or in groups, somewhere in the body (the exact check is in TS). */
const DIGITS = '[0-9]([ .-]?[0-9]){15}';

/**
 * Messages people wrote before NIKs in free text were masked at write time (issue #18.8): the same
 * treatment after the fact — the text masked, their own words kept only encrypted. Idempotent and
 * resumable (a sealed row is never looked at again); part of the daily privacy run. Returns how many
 * messages it sealed.
 */
export async function sealTypedNiks(
  db: Db,
  cipher: Pick<FieldCipher, 'encrypt'>,
  batchSize = 500,
): Promise<number> {
  let sealed = 0;
  let after = 0;
  for (;;) {
    const rows = rowsOf<{ id: number | string; body: unknown }>(
      await db.execute(sql`
        select id, body from messages
        where direction = 'in' and original_cipher is null and id > ${after}
          and (body ->> 'text' ~ ${DIGITS} or body ->> 'caption' ~ ${DIGITS})
        order by id limit ${batchSize}`),
    );
    for (const row of rows) {
      after = Number(row.id);
      const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as Record<
        string,
        unknown
      >;
      const field =
        typeof body.text === 'string' ? 'text' : typeof body.caption === 'string' ? 'caption' : undefined;
      if (!field) continue;
      const original = body[field] as string;
      const masked = maskNiksInText(original);
      if (!masked.found) continue;
      await db.execute(sql`
        update messages set body = ${JSON.stringify({ ...body, [field]: masked.text })}::jsonb,
          original_cipher = ${cipher.encrypt(JSON.stringify({ [field]: original }))}
        where id = ${after} and original_cipher is null`);
      sealed++;
    }
    if (rows.length < batchSize) return sealed;
  }
}

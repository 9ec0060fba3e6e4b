import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { FieldCipher } from '../shared/field-cipher';

/**
 * Every column holding a value encrypted with the field cipher (`<keyId>:<iv>:<tag>:<data>`). A domain
 * that adds an encrypted column adds it here, so key rotation re-encrypts it too.
 */
export const ENCRYPTED_COLUMNS: ReadonlyArray<{ table: string; column: string; id: string }> = [
  { table: 'applications', column: 'nik_cipher', id: 'id' },
  { table: 'messages', column: 'original_cipher', id: 'id' },
  // Outbound webhooks' signing secrets (src/webhooks/endpoints.ts).
  { table: 'webhook_endpoints', column: 'secret_cipher', id: 'id' },
];

/**
 * Step 3 of a key rotation (docs/privacy.md): re-encrypts, with the current key, every value still
 * encrypted with an older one. Idempotent and resumable; values are never logged or returned.
 * Returns how many values it re-encrypted.
 */
export async function reencryptAll(
  db: Db,
  cipher: FieldCipher,
  currentKeyId: string,
  batchSize = 500,
): Promise<number> {
  let total = 0;
  for (const { table, column, id } of ENCRYPTED_COLUMNS) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const k = sql.identifier(id);
    for (;;) {
      const rows = rowsOf<{ id: string; value: string }>(
        await db.execute(sql`
          select ${k}::text as id, ${c} as value from ${t}
          where ${c} is not null and ${c} not like ${`${currentKeyId}:%`}
          limit ${batchSize}`),
      );
      for (const row of rows) {
        const fresh = cipher.encrypt(cipher.decrypt(row.value));
        // Only if nobody changed it meanwhile.
        await db.execute(
          sql`update ${t} set ${c} = ${fresh} where ${k}::text = ${row.id} and ${c} = ${row.value}`,
        );
        total += 1;
      }
      if (rows.length < batchSize) break;
    }
  }
  return total;
}

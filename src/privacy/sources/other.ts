import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows';
import { coveredTables, type PersonalDataSource } from '../registry';

/** Rows per table in the catch-all export. */
const ROW_LIMIT = 1000;

/**
 * Completeness by construction: every table with a `user_id` column that no source exports itself
 * (a table added by a later feature, before its own source exists) is exported raw. Nothing to erase
 * here: those rows reference `users` and go with the person's row (the last step of an erasure).
 */
export const otherTablesSource: PersonalDataSource = {
  name: 'otherTables',
  async export(db, userId): Promise<Record<string, unknown[]> | null> {
    const tables = rowsOf<{ table_name: string }>(
      await db.execute(sql`
        select distinct table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'user_id'
        order by table_name`),
    )
      .map((r) => r.table_name)
      .filter((t) => !coveredTables().has(t));
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(
          sql`select * from ${sql.identifier(table)} where user_id = ${userId} limit ${ROW_LIMIT}`,
        ),
      );
      if (rows.length) out[table] = rows;
    }
    return Object.keys(out).length ? out : null;
  },
  async erase() {},
};

import { type SQL, sql } from 'drizzle-orm';

/**
 * A moment of the caller's clock (src/shared/clock.ts) as a SQL timestamp, used where a query would
 * otherwise say `now()`: the database's clock is not the one a test moves.
 */
export function sqlAt(moment: Date): SQL {
  return sql`${moment.toISOString()}::timestamptz`;
}

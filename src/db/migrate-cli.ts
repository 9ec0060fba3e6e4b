// `npm run migrate`: applies the SQL migrations to DATABASE_URL (or the embedded database) and exits.
import { loadConfig } from '../config';
import { openDatabase } from './client';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  pgliteDir: config.PGLITE_DIR,
  migrate: true,
});
console.log(`Migrations applied (${database.driver}).`);
await database.close();

import { IMPORT_CHUNK_ROWS } from '../../organisations/import-jobs';

/**
 * How a dashboard import advances: rows per chunk, and how long one request (a poll, or a load of the
 * progress page) may keep importing chunks after the first before it answers. Tests shorten both to
 * watch the progress move.
 */
export const importPacing = { chunkRows: IMPORT_CHUNK_ROWS, pollBudgetMs: 1000 };

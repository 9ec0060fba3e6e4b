-- pg_trgm: trigram similarity and GIN indexes for the programme search (PGlite loads the extension
-- from @electric-sql/pglite/contrib/pg_trgm; drizzle-kit does not emit CREATE EXTENSION itself).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

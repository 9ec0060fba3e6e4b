-- Broadcast progress, stats and cancellation read a broadcast's outbox rows by broadcast_id
-- (src/broadcasts). The messages table belongs to the core schema, so the index is written here.
CREATE INDEX IF NOT EXISTS "messages_broadcast_idx" ON "messages" USING btree ("broadcast_id", "status") WHERE "broadcast_id" IS NOT NULL;

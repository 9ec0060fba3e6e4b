ALTER TABLE "messages" ADD COLUMN "organisation" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "topic" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "original_cipher" text;--> statement-breakpoint
-- History written before messages said which organisation they concern (issue #18.1), tagged as well as
-- it can be: what was said while a handoff was open belongs to that organisation's staff;
UPDATE "messages" m SET "organisation" = h."organisation", "topic" = 'handoff'
FROM "handoffs" h
WHERE m."user_id" = h."user_id" AND m."organisation" IS NULL
  AND m."created_at" >= h."created_at" AND m."created_at" <= coalesce(h."closed_at", now());--> statement-breakpoint
-- what was written between opening an application and sending it (or its last change) is that
-- programme's form;
UPDATE "messages" m SET "organisation" = p."organisation", "topic" = 'form'
FROM "applications" a JOIN "programmes" p ON p."id" = a."programme_id"
WHERE m."user_id" = a."user_id" AND m."organisation" IS NULL AND p."organisation" IS NOT NULL
  AND m."created_at" >= a."created_at" AND m."created_at" <= coalesce(a."submitted_at", a."updated_at");--> statement-breakpoint
-- and a notice naming an application's reference number concerns that programme.
UPDATE "messages" m SET "organisation" = p."organisation", "topic" = 'programme'
FROM "applications" a JOIN "programmes" p ON p."id" = a."programme_id"
WHERE m."user_id" = a."user_id" AND m."organisation" IS NULL AND p."organisation" IS NOT NULL
  AND m."origin" = 'notice' AND a."reference" IS NOT NULL
  AND position(a."reference" in coalesce(m."body" ->> 'text', '')) > 0;

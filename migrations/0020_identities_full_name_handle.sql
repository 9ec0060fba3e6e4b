ALTER TABLE "identities" ADD COLUMN "full_name" text;--> statement-breakpoint
ALTER TABLE "identities" ADD COLUMN "handle" text;
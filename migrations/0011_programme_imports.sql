CREATE TABLE "programme_import_chunks" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"csv" text NOT NULL,
	"rows" integer NOT NULL,
	"slugs" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"done_at" timestamp with time zone,
	CONSTRAINT "programme_import_chunks_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "programme_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"member_id" uuid,
	"locale" text NOT NULL,
	"file_name" text,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "programme_import_chunks" ADD CONSTRAINT "programme_import_chunks_job_id_programme_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."programme_import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_import_jobs" ADD CONSTRAINT "programme_import_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_import_jobs" ADD CONSTRAINT "programme_import_jobs_member_id_organisation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organisation_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_import_chunks_pending_idx" ON "programme_import_chunks" USING btree ("job_id","seq") WHERE "programme_import_chunks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "programme_import_jobs_org_idx" ON "programme_import_jobs" USING btree ("organisation_id","created_at");
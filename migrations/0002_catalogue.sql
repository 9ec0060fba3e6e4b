CREATE TABLE "catalogue_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"status" text NOT NULL,
	"province" text,
	"regency" text,
	"country" text,
	"mode" text NOT NULL,
	"application_mode" text NOT NULL,
	"organisation" text,
	"registration_opens" date,
	"registration_closes" date,
	"starts" date,
	"ends" date,
	"seats_total" integer,
	"seats_women" integer,
	"fee_idr" bigint DEFAULT 0 NOT NULL,
	"stipend_idr" bigint DEFAULT 0 NOT NULL,
	"disability_friendly" boolean DEFAULT false NOT NULL,
	"women_only" boolean DEFAULT false NOT NULL,
	"verified_at" date NOT NULL,
	"content_hash" text NOT NULL,
	"record" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalogue_words_trgm_idx" ON "catalogue_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_uq" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programmes_search_trgm_idx" ON "programmes" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "programmes_listing_idx" ON "programmes" USING btree ("status","registration_closes");--> statement-breakpoint
CREATE INDEX "programmes_kind_field_idx" ON "programmes" USING btree ("kind","field");--> statement-breakpoint
CREATE INDEX "programmes_province_idx" ON "programmes" USING btree ("province");--> statement-breakpoint
CREATE INDEX "programmes_regency_idx" ON "programmes" USING btree ("regency");--> statement-breakpoint
CREATE INDEX "programmes_organisation_idx" ON "programmes" USING btree ("organisation");
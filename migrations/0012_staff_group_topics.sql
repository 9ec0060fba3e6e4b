CREATE TABLE "staff_group_topics" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"handoff_id" uuid,
	"chat_id" text NOT NULL,
	"thread_id" integer,
	"step" text DEFAULT 'new' NOT NULL,
	"mirrored_through" bigint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_group_topics_handoff_id_unique" UNIQUE("handoff_id")
);
--> statement-breakpoint
ALTER TABLE "staff_group_topics" ADD CONSTRAINT "staff_group_topics_handoff_id_handoffs_id_fk" FOREIGN KEY ("handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_group_topics_thread_idx" ON "staff_group_topics" USING btree ("chat_id","thread_id");--> statement-breakpoint
CREATE INDEX "staff_group_topics_due_idx" ON "staff_group_topics" USING btree ("step","available_at");
CREATE TABLE "whatsapp_auto_replies" (
	"account" text NOT NULL,
	"text_hash" text NOT NULL,
	"seen" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "whatsapp_auto_replies_account_text_hash_pk" PRIMARY KEY("account","text_hash")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_cloud_retries" (
	"message_id" bigint PRIMARY KEY NOT NULL,
	"retried_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "whatsapp_leases" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_leases" ADD COLUMN "wa_version" text;--> statement-breakpoint
ALTER TABLE "whatsapp_leases" ADD COLUMN "last_close" text;--> statement-breakpoint
ALTER TABLE "whatsapp_leases" ADD COLUMN "last_close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_cloud_retries" ADD CONSTRAINT "whatsapp_cloud_retries_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "whatsapp_auth_creds" (
	"account" text PRIMARY KEY NOT NULL,
	"creds" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_auth_keys" (
	"account" text NOT NULL,
	"type" text NOT NULL,
	"id" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "whatsapp_auth_keys_account_type_id_pk" PRIMARY KEY("account","type","id")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_cloud_nudges" (
	"address" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_contacts" (
	"external_id" text PRIMARY KEY NOT NULL,
	"pn_jid" text,
	"lid_jid" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "whatsapp_contacts_pn_jid_unique" UNIQUE("pn_jid"),
	CONSTRAINT "whatsapp_contacts_lid_jid_unique" UNIQUE("lid_jid")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_leases" (
	"account" text PRIMARY KEY NOT NULL,
	"holder" text,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acquired_at" timestamp with time zone,
	"stopped_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_media" (
	"message_id" text PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_phone_pauses" (
	"external_id" text PRIMARY KEY NOT NULL,
	"paused_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_send_counts" (
	"account" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "whatsapp_send_counts_account_day_pk" PRIMARY KEY("account","day")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_sent" (
	"message_id" text PRIMARY KEY NOT NULL,
	"remote_jid" text NOT NULL,
	"content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "whatsapp_media_external_idx" ON "whatsapp_media" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "whatsapp_media_created_idx" ON "whatsapp_media" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "whatsapp_sent_created_idx" ON "whatsapp_sent" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "whatsapp_sent_remote_idx" ON "whatsapp_sent" USING btree ("remote_jid");
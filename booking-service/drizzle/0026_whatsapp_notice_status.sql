-- Issue 16: WhatsApp delivery statuses of booking notices, and notice_failed once as a database rule.
-- A WhatsApp message id (wamid) of a booking notice, and what Meta's status webhooks said of it.
-- Either side may come first (the status webhook can overtake the record of the send), so both
-- upsert the one row: whichever completes it (the notice and a "failed") handles the failure.
CREATE TABLE "whatsapp_notices" (
	"message_id" text PRIMARY KEY NOT NULL,
	"booking_id" text,
	"payload" jsonb,
	"template" boolean,
	"status" text DEFAULT 'sent' NOT NULL,
	"error_code" integer,
	"error_title" text,
	"sent_at" timestamp with time zone,
	"status_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "whatsapp_notices_status_check" CHECK ("status" IN ('sent', 'delivered', 'read', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "whatsapp_notices" ADD CONSTRAINT "whatsapp_notices_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "whatsapp_notices_booking_idx" ON "whatsapp_notices" ("booking_id");
--> statement-breakpoint
-- Staff are told once per (booking, message, version, channel) that a message went nowhere: keep the
-- first of any duplicates written before this rule, then let the database refuse a second one.
DELETE FROM "events" a USING "events" b
WHERE a."kind" = 'notice_failed' AND b."kind" = 'notice_failed' AND a."booking_id" = b."booking_id" AND a."channel" = b."channel"
  AND a."meta"->>'message' = b."meta"->>'message' AND a."meta"->>'version' = b."meta"->>'version'
  AND (a."at", a."id") > (b."at", b."id");
--> statement-breakpoint
CREATE UNIQUE INDEX "events_notice_failed_once_idx" ON "events" ("booking_id", ("meta"->>'message'), ("meta"->>'version'), "channel") WHERE "kind" = 'notice_failed';

CREATE TABLE "sms_inbound" (
	"provider" text NOT NULL,
	"message_id" text NOT NULL,
	"phone" text NOT NULL,
	"booking_id" text,
	"answer" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_inbound_provider_message_id_pk" PRIMARY KEY("provider","message_id"),
	CONSTRAINT "sms_inbound_answer_check" CHECK ("answer" IN ('confirm', 'reschedule', 'help', 'none', 'not_now'))
);
--> statement-breakpoint
ALTER TABLE "sms_inbound" ADD CONSTRAINT "sms_inbound_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "sms_inbound_received_idx" ON "sms_inbound" USING btree ("received_at");
--> statement-breakpoint
CREATE INDEX "sent_messages_sms_phone_idx" ON "sent_messages" USING btree (regexp_replace("recipient", '\D', '', 'g'), "sent_at") WHERE "kind" LIKE 'sms:%';

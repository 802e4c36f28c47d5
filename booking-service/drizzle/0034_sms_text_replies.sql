-- A client's SMS text other than "1"/"2" lands in the conversation the last SMS belonged to
-- (services/channels/sms-inbound.ts): answer 'message'. A follow-up's SMS is found by the
-- sender's digits as a booking's is (its own partial index: its kind is not 'sms:%').
ALTER TABLE "sms_inbound" DROP CONSTRAINT "sms_inbound_answer_check";
--> statement-breakpoint
ALTER TABLE "sms_inbound" ADD CONSTRAINT "sms_inbound_answer_check" CHECK ("answer" IN ('confirm', 'reschedule', 'help', 'none', 'not_now', 'message'));
--> statement-breakpoint
CREATE INDEX "sent_messages_followup_sms_phone_idx" ON "sent_messages" USING btree (regexp_replace("recipient", '\D', '', 'g'), "sent_at") WHERE "kind" = 'followup_sms';

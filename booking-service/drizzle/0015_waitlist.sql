-- The waiting list (issue 17): people who found no time that suits them, and the offers of freed
-- times made to them one at a time (services/waitlist/). The rules that must never break are here.
CREATE TABLE "waitlist_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL REFERENCES "public"."businesses"("id") ON DELETE cascade,
	"service_id" text NOT NULL REFERENCES "public"."services"("id") ON DELETE cascade,
	"staff_id" text REFERENCES "public"."staff"("id") ON DELETE cascade,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"part" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"lang" text NOT NULL,
	"conversation_id" text REFERENCES "public"."conversations"("id") ON DELETE set null,
	"channel" text DEFAULT 'widget' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"booking_id" text REFERENCES "public"."bookings"("id") ON DELETE set null,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waitlist_entries_window_check" CHECK ("to_day" >= "from_day"),
	CONSTRAINT "waitlist_entries_part_check" CHECK ("part" IN ('any', 'morning', 'afternoon', 'evening')),
	CONSTRAINT "waitlist_entries_status_check" CHECK ("status" IN ('waiting', 'offered', 'booked', 'expired', 'removed')),
	CONSTRAINT "waitlist_entries_contact_check" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "waitlist_entries_queue_idx" ON "waitlist_entries" USING btree ("business_id","service_id","created_at") WHERE "status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entries_business_idx" ON "waitlist_entries" USING btree ("business_id","created_at");--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL REFERENCES "public"."businesses"("id") ON DELETE cascade,
	"entry_id" text NOT NULL REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade,
	"hold_id" text REFERENCES "public"."bookings"("id") ON DELETE set null,
	"staff_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "waitlist_offers_status_check" CHECK ("status" IN ('offered', 'expired', 'booked', 'withdrawn')),
	CONSTRAINT "waitlist_offers_closed_check" CHECK (("status" = 'offered') = ("closed_at" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_token_idx" ON "waitlist_offers" USING btree ("token_hash");--> statement-breakpoint
-- One time at a time: a freed time is on offer to one person only, and a person has one offer open.
CREATE UNIQUE INDEX "waitlist_offers_one_per_slot_idx" ON "waitlist_offers" USING btree ("staff_id","starts_at") WHERE "status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_per_entry_idx" ON "waitlist_offers" USING btree ("entry_id") WHERE "status" = 'offered';--> statement-breakpoint
-- A person is never offered the same time twice (the next in line gets it after them).
CREATE UNIQUE INDEX "waitlist_offers_once_idx" ON "waitlist_offers" USING btree ("entry_id","staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "waitlist_offers_entry_idx" ON "waitlist_offers" USING btree ("entry_id","created_at");

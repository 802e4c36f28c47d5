CREATE TABLE "business_closures" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "released" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "no_show_frees_slot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "business_closures" ADD CONSTRAINT "business_closures_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_closures_business_idx" ON "business_closures" USING btree ("business_id","ends_on");--> statement-breakpoint
ALTER TABLE "business_closures" ADD CONSTRAINT "business_closures_range_valid" CHECK ("starts_on" <= "ends_on");
--> statement-breakpoint
-- A released no-show (the business chose that no-shows give their time back) no longer takes
-- part in "no double booking"; every other active row still does, exactly as before.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  "staff_id" WITH =,
  tstzrange("occupied_from", "occupied_to", '[)') WITH &&
) WHERE ("status" IN ('held', 'confirmed', 'attended', 'no_show') AND NOT "released");

-- No double booking, enforced by the database: two active rows (holds or bookings) of one
-- staff member may not have overlapping occupied ranges. Ranges are half-open '[)', so
-- back-to-back appointments are fine. btree_gist provides the `=` operator class for text.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_range_valid" CHECK ("starts_at" < "ends_at" AND "occupied_from" <= "starts_at" AND "ends_at" <= "occupied_to");
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  "staff_id" WITH =,
  tstzrange("occupied_from", "occupied_to", '[)') WITH &&
) WHERE ("status" IN ('held', 'confirmed', 'attended', 'no_show'));

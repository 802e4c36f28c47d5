ALTER TABLE "businesses" ADD COLUMN "release_unconfirmed_hours" integer;--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_release_unconfirmed_hours_check" CHECK ("release_unconfirmed_hours" IS NULL OR ("release_unconfirmed_hours" >= 1 AND "release_unconfirmed_hours" <= 72));

CREATE TABLE "booking_calendar_events" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"event_id" text NOT NULL,
	"written_version" integer NOT NULL,
	"state" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_busy" (
	"staff_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"event_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "external_busy_staff_id_calendar_id_event_id_pk" PRIMARY KEY("staff_id","calendar_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "google_calendar_syncs" (
	"staff_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"sync_token" text,
	"last_full_sync_at" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"channel_id" text,
	"channel_token_hash" text,
	"channel_resource_id" text,
	"channel_expires_at" timestamp with time zone,
	CONSTRAINT "google_calendar_syncs_staff_id_calendar_id_pk" PRIMARY KEY("staff_id","calendar_id")
);
--> statement-breakpoint
CREATE TABLE "google_connections" (
	"staff_id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"refresh_token_sealed" text NOT NULL,
	"busy_calendar_ids" jsonb NOT NULL,
	"booking_calendar_id" text NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"broken_reason" text,
	"broken_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_calendar_feeds" (
	"staff_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "booking_calendar_events" ADD CONSTRAINT "booking_calendar_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_busy" ADD CONSTRAINT "external_busy_staff_id_google_connections_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."google_connections"("staff_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_calendar_syncs" ADD CONSTRAINT "google_calendar_syncs_staff_id_google_connections_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."google_connections"("staff_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_connections" ADD CONSTRAINT "google_connections_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_connections" ADD CONSTRAINT "google_connections_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_calendar_feeds" ADD CONSTRAINT "staff_calendar_feeds_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_busy_staff_end_idx" ON "external_busy" USING btree ("staff_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "google_calendar_syncs_channel_idx" ON "google_calendar_syncs" USING btree ("channel_id");
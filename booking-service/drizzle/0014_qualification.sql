CREATE TABLE "service_qualifications" (
	"service_id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"questions" jsonb NOT NULL,
	"threshold" integer NOT NULL,
	"offer_waitlist" boolean DEFAULT false NOT NULL,
	"smaller_service_id" text,
	"link_url" text,
	"link_label" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_qualifications_questions_check" CHECK (CASE WHEN jsonb_typeof("questions") = 'array' THEN jsonb_array_length("questions") <= 5 ELSE false END),
	CONSTRAINT "service_qualifications_threshold_check" CHECK ("threshold" BETWEEN -50 AND 50),
	CONSTRAINT "service_qualifications_smaller_check" CHECK ("smaller_service_id" IS NULL OR "smaller_service_id" <> "service_id"),
	CONSTRAINT "service_qualifications_link_check" CHECK (("link_url" IS NULL) = ("link_label" IS NULL) AND ("link_url" IS NULL OR "link_url" ~* '^https?://'))
);
--> statement-breakpoint
ALTER TABLE "service_qualifications" ADD CONSTRAINT "service_qualifications_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_qualifications" ADD CONSTRAINT "service_qualifications_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_qualifications" ADD CONSTRAINT "service_qualifications_smaller_service_id_services_id_fk" FOREIGN KEY ("smaller_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_qualifications_business_idx" ON "service_qualifications" USING btree ("business_id");--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "sla_hot_min" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "sla_warm_min" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "sla_cold_min" integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_sla_check" CHECK ("sla_hot_min" >= 1 AND "sla_hot_min" <= "sla_warm_min" AND "sla_warm_min" <= "sla_cold_min" AND "sla_cold_min" <= 10080);

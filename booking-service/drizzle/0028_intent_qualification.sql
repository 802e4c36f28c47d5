CREATE TABLE "intent_qualifications" (
	"business_id" text NOT NULL,
	"intent" text NOT NULL,
	"questions" jsonb NOT NULL,
	"threshold" integer NOT NULL,
	"smaller_service_id" text,
	"link_url" text,
	"link_label" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intent_qualifications_business_id_intent_pk" PRIMARY KEY("business_id","intent"),
	CONSTRAINT "intent_qualifications_intent_check" CHECK ("intent" IN ('prices', 'human')),
	CONSTRAINT "intent_qualifications_questions_check" CHECK (CASE WHEN jsonb_typeof("questions") = 'array' THEN jsonb_array_length("questions") <= 5 ELSE false END),
	CONSTRAINT "intent_qualifications_threshold_check" CHECK ("threshold" BETWEEN -50 AND 50),
	CONSTRAINT "intent_qualifications_link_check" CHECK (("link_url" IS NULL) = ("link_label" IS NULL) AND ("link_url" IS NULL OR "link_url" ~* '^https?://'))
);
--> statement-breakpoint
ALTER TABLE "intent_qualifications" ADD CONSTRAINT "intent_qualifications_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intent_qualifications" ADD CONSTRAINT "intent_qualifications_smaller_service_id_services_id_fk" FOREIGN KEY ("smaller_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;

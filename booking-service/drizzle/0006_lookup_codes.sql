CREATE TABLE "lookup_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"conversation_id" text,
	"contact_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"customer_ids" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "transcript_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "lookup_codes" ADD CONSTRAINT "lookup_codes_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lookup_codes" ADD CONSTRAINT "lookup_codes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lookup_codes_contact_idx" ON "lookup_codes" USING btree ("business_id","contact_hash","created_at");--> statement-breakpoint
CREATE INDEX "lookup_codes_created_idx" ON "lookup_codes" USING btree ("created_at");
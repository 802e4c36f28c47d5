-- The optional AI assistant per business (issue 18): the owner's OpenAI-compatible endpoint (no row = the
-- operator's env default), the key sealed like channel credentials, and the staff summary of a hand-off.
CREATE TABLE "assistant_settings" (
	"business_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"base_url" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"api_key_sealed" text,
	"daily_tokens" integer DEFAULT 200000 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assistant_settings_daily_tokens_check" CHECK ("daily_tokens" >= 0),
	CONSTRAINT "assistant_settings_base_url_check" CHECK ("base_url" = '' OR ("base_url" ~ '^https?://' AND length("base_url") <= 500)),
	CONSTRAINT "assistant_settings_model_check" CHECK (length("model") <= 200),
	CONSTRAINT "assistant_settings_enabled_check" CHECK (NOT "enabled" OR ("base_url" <> '' AND "model" <> ''))
);
--> statement-breakpoint
ALTER TABLE "assistant_settings" ADD CONSTRAINT "assistant_settings_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "ai_summary" text;

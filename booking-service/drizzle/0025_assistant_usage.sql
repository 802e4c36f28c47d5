CREATE TABLE "assistant_usage" (
	"business_id" text NOT NULL,
	"day" date NOT NULL,
	"tokens" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assistant_usage_business_id_day_pk" PRIMARY KEY("business_id","day"),
	CONSTRAINT "assistant_usage_tokens_check" CHECK ("tokens" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assistant_usage" ADD CONSTRAINT "assistant_usage_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;

CREATE TABLE "telegram_start_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"booking_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_chat" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "telegram_start_tokens_used_chk" CHECK (("used_at" IS NULL) = ("used_chat" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "telegram_start_tokens" ADD CONSTRAINT "telegram_start_tokens_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_start_tokens" ADD CONSTRAINT "telegram_start_tokens_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_start_tokens" ADD CONSTRAINT "telegram_start_tokens_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_start_tokens_expires_idx" ON "telegram_start_tokens" USING btree ("expires_at");

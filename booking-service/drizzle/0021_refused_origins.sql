CREATE TABLE "refused_origins" (
	"site_id" text NOT NULL,
	"day" date NOT NULL,
	"origin" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refused_origins_site_id_day_origin_pk" PRIMARY KEY("site_id","day","origin")
);
--> statement-breakpoint
ALTER TABLE "refused_origins" ADD CONSTRAINT "refused_origins_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;

-- The knowledge base (issue 18): the owner's questions and answers per business and language, and
-- the questions visitors asked that nothing answered.
--
-- Text search configurations: 'russian' for ru, 'english' for en (snowball stemmers: "машину" and
-- "машины" are one lexeme), 'simple' for hy. Checked on both databases we run: PGlite 0.5
-- (PostgreSQL 17) ships every snowball configuration ('russian', 'english', even 'armenian');
-- the PostgreSQL 15 we test on has 'russian' and 'english' but no 'armenian' (added in 17), so
-- Armenian uses 'simple' on both and the query side widens Armenian words to prefixes
-- (services/knowledge/search.ts). No extension, no dictionary files: the same SQL on both.
--
-- The search column is generated (one writer: the database), so an edit can never leave it stale.
-- `phrasings` is newline-separated text, not text[]: array_to_string is not IMMUTABLE and a
-- generated column may only use immutable functions. The question and its phrasings weigh A,
-- the answer B: a visitor's words found in the question rank above the same words in an answer.
CREATE TABLE "kb_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"lang" text NOT NULL,
	"question" text NOT NULL,
	"phrasings" text DEFAULT '' NOT NULL,
	"answer" text NOT NULL,
	"service_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector(CASE "lang" WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "question" || ' ' || "phrasings"), 'A')
		|| setweight(to_tsvector(CASE "lang" WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "answer"), 'B')
	) STORED,
	CONSTRAINT "kb_entries_lang_check" CHECK ("lang" IN ('ru', 'hy', 'en')),
	CONSTRAINT "kb_entries_question_check" CHECK (length(btrim("question")) BETWEEN 1 AND 300),
	CONSTRAINT "kb_entries_phrasings_check" CHECK (length("phrasings") <= 2000),
	CONSTRAINT "kb_entries_answer_check" CHECK (length(btrim("answer")) BETWEEN 1 AND 2000)
);
--> statement-breakpoint
ALTER TABLE "kb_entries" ADD CONSTRAINT "kb_entries_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "kb_entries" ADD CONSTRAINT "kb_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "kb_entries_business_lang_idx" ON "kb_entries" USING btree ("business_id", "lang");
--> statement-breakpoint
CREATE INDEX "kb_entries_search_idx" ON "kb_entries" USING gin ("search");
--> statement-breakpoint
-- A question nothing answered, once per business, language and wording (case and spacing folded):
-- asked again, its count grows. Contacts in it were already masked by the engine (redact.ts).
CREATE TABLE "kb_unanswered" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"lang" text NOT NULL,
	"question" text NOT NULL,
	"folded" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_unanswered_lang_check" CHECK ("lang" IN ('ru', 'hy', 'en')),
	CONSTRAINT "kb_unanswered_count_check" CHECK ("count" >= 1),
	CONSTRAINT "kb_unanswered_question_check" CHECK (length("question") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "kb_unanswered" ADD CONSTRAINT "kb_unanswered_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "kb_unanswered_business_lang_folded_idx" ON "kb_unanswered" USING btree ("business_id", "lang", "folded");

-- Whether the conversation may have follow-ups to settle (scheduled, or sent and not yet answered):
-- written by the turn that plans or settles them, in its claiming UPDATE (issue 13: a turn of a
-- conversation with none skips the follow-up statements). Existing rows start "maybe" (true): their
-- next turn settles and sets it right.
ALTER TABLE "conversations" ADD COLUMN "follow_ups_open" boolean DEFAULT true NOT NULL;

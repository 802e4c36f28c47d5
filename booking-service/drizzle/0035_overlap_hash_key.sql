-- "No double booking" (bookings_no_overlap) keeps its meaning exactly: two active bookings of the
-- same staff member may not overlap. What changes is how GiST finds where each row goes (issue 19).
--
-- With only the text staff_id as the first key column, btree_gist computes, for every entry of
-- every page on the way down, what adding the new row's staff id would cost: copying and walking
-- strings. That made building this constraint the longest step of loading a big table (403 s of
-- backend CPU at 5 M bookings, about 2,000 s projected at 20 M), and it is the same work on
-- every insert. A 64-bit hash of staff_id in front is a fixed-size key: GiST chooses the subtree
-- on it, then on the time range, and looks at the text only when both tie. At 1 M bookings the
-- build + check took 21.6 s of CPU instead of 58.7 s (SCALING.md, "What one PostgreSQL holds").
--
-- The staff_id column stays in the constraint, so two staff members whose ids hash alike still do
-- not exclude each other: rows conflict only if the hash, the range AND the staff id match. The
-- hash adds no false conflicts and removes none. hashtextextended is immutable; staff_id's
-- collation (C.UTF-8) is deterministic, so equal ids hash equal. COLLATE "C" on staff_id alone was
-- measured too and changed nothing (57.8 s vs 58.7 s): comparing is not the cost, walking is.
-- Same WHERE clause as 0013 (a released no-show does not take part).
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  hashtextextended("staff_id", 0) WITH =,
  tstzrange("occupied_from", "occupied_to", '[)') WITH &&,
  "staff_id" WITH =
) WHERE ("status" IN ('held', 'confirmed', 'attended', 'no_show') AND NOT "released");

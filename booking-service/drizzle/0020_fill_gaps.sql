-- No empty windows (issue 19): the slot engine also offers the time right after a booking when the
-- step grid would leave a gap too short for the service. The owner's choice, on by default.
ALTER TABLE "businesses" ADD COLUMN "fill_gaps" boolean DEFAULT true NOT NULL;

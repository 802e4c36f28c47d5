-- Which conversations showed which booking: their booking cards (issue 13). The
-- conversation.booking-card job pushes a changed booking's fresh card to each of them.
CREATE INDEX "conversation_messages_booking_idx" ON "conversation_messages" USING btree ("business_id",(("card"->>'bookingId'))) WHERE "card"->>'kind' = 'booking';

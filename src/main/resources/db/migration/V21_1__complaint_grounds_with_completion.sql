-- A completed complaint's grounds are the original grounds (up to 4,000 characters) followed by the completion (up to
-- 4,000, 94号令第十八条): the column takes both, so that a lawful completion is never refused by the database.
ALTER TABLE bid_complaint ALTER COLUMN grounds SET DATA TYPE TEXT;

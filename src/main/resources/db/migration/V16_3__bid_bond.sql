-- The bid bond the documents of a round ask for (实施条例第三十三条); 0 when none. Each bid states how it lodged
-- the bond inside its sealed content.
ALTER TABLE tender_call ADD COLUMN bid_bond NUMERIC(15, 2) DEFAULT 0 NOT NULL;

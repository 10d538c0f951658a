-- A bid bond is owed back once per bond, not once per supplier (87号令第三十八条): a bidder whose bond went back after
-- it withdrew, or after a round failed, lodges a new bond when it bids again, and that one is owed back too.
ALTER TABLE bond_refund DROP CONSTRAINT uq_bond_refund;
ALTER TABLE bond_refund ADD CONSTRAINT uq_bond_refund UNIQUE (project_number, bond_kind, supplier, lodged);

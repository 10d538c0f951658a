-- 87号令第三十八条: at signing the winner's bid bond may become (part of) its performance bond instead of going back;
-- the contract keeps which bond (as lodged) and for how much, to refund it with the performance bond at the end.
ALTER TABLE service_contract ADD COLUMN converted_bid_bond VARCHAR(300);
ALTER TABLE service_contract ADD COLUMN converted_bid_bond_amount NUMERIC(15, 2);

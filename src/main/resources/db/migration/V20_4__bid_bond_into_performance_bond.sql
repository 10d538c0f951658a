-- 87号令第三十八条: at signing the winner's bid bond may become (part of) its performance bond instead of going back;
-- the contract keeps which bond (as lodged) and for how much, to refund it with the performance bond at the end.
ALTER TABLE service_contract ADD COLUMN converted_bid_bond VARCHAR(300);
ALTER TABLE service_contract ADD COLUMN converted_bid_bond_amount NUMERIC(15, 2);
-- whether the round's documents let the winner's bid bond become its performance bond (87号令第二十条第五项: the
-- documents state how bonds are lodged and go back)
ALTER TABLE tender_call ADD COLUMN bid_bond_convertible BOOLEAN DEFAULT FALSE NOT NULL;

-- Why the panel has its size (87号令第四十七条): 5 members, or 7 for a budget of 10,000,000 yuan or more, a
-- technically complex or a high-social-impact project (issue 17).
ALTER TABLE review_panel_draw ADD COLUMN size_basis VARCHAR(200);

-- The credit check covers the window from the tender notice to the bid deadline (财库〔2016〕125号): the register
-- is read as it stood at the deadline (as_of), and the records found are kept as the proof (evidence, JSON: each
-- record's id, list, effect, source, reason, validity, when and by whom it was entered), with the purchase file.
ALTER TABLE credit_check ADD COLUMN window_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE credit_check ADD COLUMN window_to TIMESTAMP WITH TIME ZONE;
ALTER TABLE credit_check ADD COLUMN as_of TIMESTAMP WITH TIME ZONE;
ALTER TABLE credit_check ADD COLUMN evidence VARCHAR(8000);

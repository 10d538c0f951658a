-- No hidden caps (issue 16): the report of a review of 60 bids on 20 criteria by a panel of 7 holds every member's
-- 1,200 scores, some 100,000 characters, and its ranking has 60 rows: the report's columns take any size.
ALTER TABLE review_report ALTER COLUMN report_text SET DATA TYPE TEXT;
ALTER TABLE review_report ALTER COLUMN ranking_json SET DATA TYPE TEXT;
ALTER TABLE review_report ALTER COLUMN panel_json SET DATA TYPE TEXT;

-- Public disclosure portal: its lists are read newest first, filtered by publisher or by the plan's category.
CREATE INDEX idx_disclosure_notice_newest ON disclosure_notice (published_at, id);
CREATE INDEX idx_disclosure_notice_publisher ON disclosure_notice (publisher, published_at);
CREATE INDEX idx_purchase_plan_category ON purchase_plan (service_category);

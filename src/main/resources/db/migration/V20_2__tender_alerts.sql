-- Tender alerts (issue 20): the service categories (planning.ServiceCategory codes, as purchase_plan.service_category)
-- and, optionally, the regions a supplier serves. A published call for bids of a purchase whose plan has a followed
-- category (and, when the supplier chose regions, whose plan region names one of them) is mailed to it.
-- Only the supplier itself changes its rows (portal, 我的投标 → 招标提醒).
CREATE TABLE tender_alert_category (
    user_id           VARCHAR(64)  NOT NULL,
    service_category  VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_tender_alert_category PRIMARY KEY (user_id, service_category),
    CONSTRAINT fk_tender_alert_category_supplier FOREIGN KEY (user_id) REFERENCES supplier (user_id)
);

CREATE INDEX ix_tender_alert_category ON tender_alert_category (service_category);

CREATE TABLE tender_alert_region (
    user_id  VARCHAR(64)  NOT NULL,
    region   VARCHAR(50)  NOT NULL,
    CONSTRAINT pk_tender_alert_region PRIMARY KEY (user_id, region),
    CONSTRAINT fk_tender_alert_region_supplier FOREIGN KEY (user_id) REFERENCES supplier (user_id)
);

-- Bids as documents (财库〔2019〕38号四: electronic bids). Each file of a bid is sealed exactly like the bid's text
-- (tender_bid.sealed_content): AES-GCM under a fresh data key, the key stored only wrapped with the server's sealing
-- key; its name and media type are sealed too (sealed_meta). Nobody reads a file before the opening; after it the
-- qualification reviewers and the panel read it from their tasks, the file staying sealed at rest. A file of a
-- superseded (and not kept), withdrawn or returned bid loses its content and key. Kept with the purchase file
-- (政府采购法第四十二条: at least 15 years).
-- kind: QUALIFICATION (资格证明文件) | SERVICE_PLAN (服务方案) | CERTIFICATE (证书及其他材料).
CREATE TABLE bid_attachment (
    id              VARCHAR(36)   NOT NULL,
    bid_id          VARCHAR(36)   NOT NULL,
    project_number  VARCHAR(32)   NOT NULL,
    round_no        INT           NOT NULL,
    bidder          VARCHAR(64)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    attachment_status VARCHAR(12) NOT NULL,
    wrapped_key     VARCHAR(200),
    sealed_meta     VARCHAR(4000),
    sealed_content  BYTEA,
    CONSTRAINT pk_bid_attachment PRIMARY KEY (id),
    CONSTRAINT fk_bid_attachment_bid FOREIGN KEY (bid_id) REFERENCES tender_bid (id)
);

CREATE INDEX ix_bid_attachment_bid ON bid_attachment (bid_id, attachment_status);
CREATE INDEX ix_bid_attachment_call ON bid_attachment (project_number, round_no, attachment_status);

-- The SME policy of a tender as its notice states it (财库〔2020〕46号第十二条):
-- reservation: NONE | SME (专门面向中小企业, 46号第七条、第八条) | SOCIAL_ORGANISATION (专门面向社会组织, where a rule allows
-- it, 46号第六条第二款第（一）项); reservation_basis: the rule the notice cites; sme_deduction_percent: the price deduction
-- for small and micro enterprises in a purchase not reserved (46号第九条, rates of 财库〔2022〕19号: 10%-20%).
ALTER TABLE tender_call ADD COLUMN reservation VARCHAR(24);
ALTER TABLE tender_call ADD COLUMN reservation_basis VARCHAR(500);
ALTER TABLE tender_call ADD COLUMN sme_deduction_percent DECIMAL(5, 2);

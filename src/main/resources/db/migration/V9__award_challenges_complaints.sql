-- Award results, challenges (质疑) and complaints (投诉) of the award stage.

-- Each bidder's own score and rank, written when the award notice is published (87号令第六十九条: losing bidders
-- are told their own score and rank). Rows appear only at publication, so nothing is readable before the notice.
CREATE TABLE award_result (
    stage_instance_id   VARCHAR(64)   NOT NULL,
    project_number      VARCHAR(32)   NOT NULL,
    bidder              VARCHAR(64)   NOT NULL,
    bidder_name         VARCHAR(200)  NOT NULL,
    bid_rank            INT           NOT NULL,
    bidder_count        INT           NOT NULL,
    price               DECIMAL(16,2) NOT NULL,
    price_score         DECIMAL(7,2),
    criteria_score      DECIMAL(7,2),
    total_score         DECIMAL(7,2),
    is_winner           BOOLEAN       NOT NULL,
    winner_name         VARCHAR(200)  NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stage_instance_id, bidder)
);
CREATE INDEX idx_award_result_project ON award_result (project_number, bidder);

-- A bidder's challenge to the award (政府采购法第五十二条、94号令第十条) and the department's reply.
CREATE TABLE bid_challenge (
    id                  VARCHAR(40)   PRIMARY KEY,
    project_number      VARCHAR(32)   NOT NULL,
    stage_instance_id   VARCHAR(64)   NOT NULL,
    bidder              VARCHAR(64)   NOT NULL,
    bidder_name         VARCHAR(200)  NOT NULL,
    grounds             VARCHAR(4000) NOT NULL,
    filed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    reply_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    remedy              VARCHAR(16),
    reply               VARCHAR(4000),
    replied_at          TIMESTAMP WITH TIME ZONE,
    complaint_deadline  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_bid_challenge_project ON bid_challenge (project_number, bidder);

-- A complaint to the finance bureau after a challenge (政府采购法第五十五条、94号令第十七条).
CREATE TABLE bid_complaint (
    id                  VARCHAR(40)   PRIMARY KEY,
    challenge_id        VARCHAR(40)   NOT NULL REFERENCES bid_challenge (id),
    project_number      VARCHAR(32)   NOT NULL,
    bidder              VARCHAR(64)   NOT NULL,
    bidder_name         VARCHAR(200)  NOT NULL,
    grounds             VARCHAR(4000) NOT NULL,
    filed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_deadline   TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id VARCHAR(64),
    status              VARCHAR(16)   NOT NULL,
    remedy              VARCHAR(16),
    decision_text       VARCHAR(4000),
    decided_at          TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX idx_bid_complaint_challenge ON bid_complaint (challenge_id);

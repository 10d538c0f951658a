-- The sealed bid box of the tender stage (政府采购法第三十五条; 87号令第三十三条、第三十九条至第四十一条).
-- One call per project and round: the tender documents' key facts, open for bids until bid_deadline.
-- status: OPEN (taking bids) -> OPENED (bids unsealed at the opening) | FAILED (too few bids, returned unopened).
CREATE TABLE tender_call (
    project_number              VARCHAR(32)    NOT NULL,
    round_no                    INT            NOT NULL,
    process_instance_id         VARCHAR(64)    NOT NULL,
    service_name                VARCHAR(200)   NOT NULL,
    department_name             VARCHAR(200)   NOT NULL,
    procurement_method          VARCHAR(40)    NOT NULL,
    budget                      DECIMAL(16, 2) NOT NULL,
    bid_deadline                TIMESTAMP WITH TIME ZONE NOT NULL,
    clarification_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    qualification_requirements  VARCHAR(4000)  NOT NULL,
    published_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    call_status                 VARCHAR(16)    NOT NULL,
    closed_at                   TIMESTAMP WITH TIME ZONE,  -- when the bids were opened or returned
    PRIMARY KEY (project_number, round_no)
);

CREATE INDEX ix_tender_call_status ON tender_call (call_status);

-- Bids. What a bid offers (price, service plan, team, qualifications) is only in sealed_content: AES-GCM under
-- a fresh data key per bid; that key is stored only wrapped (AES-GCM) with the server's sealing key, which lives
-- in the configuration (procurement.bids.sealing-key), never in the database.
-- bid_status: ACTIVE | SUPERSEDED (replaced by a newer bid) | WITHDRAWN | RETURNED (tender failed, never opened).
-- A superseded, withdrawn or returned bid loses its sealed content and key: nobody can ever read it.
CREATE TABLE tender_bid (
    id              VARCHAR(36)    NOT NULL,
    project_number  VARCHAR(32)    NOT NULL,
    round_no        INT            NOT NULL,
    bidder          VARCHAR(64)    NOT NULL,
    bidder_name     VARCHAR(200)   NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt_code    VARCHAR(40)    NOT NULL,
    bid_status      VARCHAR(16)    NOT NULL,
    status_changed_at TIMESTAMP WITH TIME ZONE,
    wrapped_key     VARCHAR(200),
    sealed_content  TEXT,
    CONSTRAINT pk_tender_bid PRIMARY KEY (id),
    CONSTRAINT fk_tender_bid_call FOREIGN KEY (project_number, round_no)
        REFERENCES tender_call (project_number, round_no)
);

CREATE INDEX ix_tender_bid_call ON tender_bid (project_number, round_no, bid_status);
CREATE UNIQUE INDEX uk_tender_bid_receipt ON tender_bid (receipt_code);

-- The portal's keyword search: every notice under each pair of neighbouring letters or digits of its title and
-- content, with its publication time, so that a search reads its newest notices straight from the primary key
-- (disclosure/NoticeKeywordIndex). Notices written before this table existed are indexed at the next start-up.
CREATE TABLE disclosure_notice_gram (
    gram         INTEGER NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_id    BIGINT NOT NULL,
    PRIMARY KEY (gram, published_at, notice_id)
);

ALTER TABLE disclosure_notice ADD COLUMN keyword_indexed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX idx_disclosure_notice_unindexed ON disclosure_notice (keyword_indexed);

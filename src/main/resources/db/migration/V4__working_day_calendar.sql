-- Working-day calendar (工作日): each year's holidays and make-up working days as announced by the State
-- Council, entered by administrators through the MaintainHolidaySchedule process. A year without a row is
-- computed from the statutory holidays; the warning process records such a year here as PROVISIONAL.
CREATE TABLE working_day_year (
    schedule_year INTEGER      NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    notice        VARCHAR(500) NOT NULL,
    updated_by    VARCHAR(128) NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    -- raised on every change, so that every node sees that its cached copy is stale
    revision      INTEGER      NOT NULL,
    CONSTRAINT pk_working_day_year PRIMARY KEY (schedule_year),
    CONSTRAINT ck_working_day_year_status CHECK (status IN ('OFFICIAL', 'PROVISIONAL'))
);

CREATE TABLE working_day_special (
    schedule_year INTEGER     NOT NULL,
    special_date  DATE        NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    name          VARCHAR(50) NOT NULL,
    CONSTRAINT pk_working_day_special PRIMARY KEY (schedule_year, special_date),
    CONSTRAINT fk_working_day_special_year FOREIGN KEY (schedule_year) REFERENCES working_day_year (schedule_year),
    CONSTRAINT ck_working_day_special_kind CHECK (kind IN ('HOLIDAY', 'MAKEUP_WORKDAY'))
);

CREATE INDEX ix_working_day_special_date ON working_day_special (special_date);

-- 国务院办公厅关于2026年部分节假日安排的通知 (published 2025-11-04, Xinhua;
-- politics.gmw.cn/2025-11/04/content_38391083.htm)
INSERT INTO working_day_year (schedule_year, status, notice, updated_by, updated_at, revision)
VALUES (2026, 'OFFICIAL',
        '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日发布，新华社；politics.gmw.cn/2025-11/04/content_38391083.htm）',
        'system', TIMESTAMP '2025-11-04 00:00:00', 1);

INSERT INTO working_day_special (schedule_year, special_date, kind, name) VALUES
    (2026, DATE '2026-01-01', 'HOLIDAY', '元旦'),
    (2026, DATE '2026-01-02', 'HOLIDAY', '元旦'),
    (2026, DATE '2026-01-03', 'HOLIDAY', '元旦'),
    (2026, DATE '2026-01-04', 'MAKEUP_WORKDAY', '元旦'),
    (2026, DATE '2026-02-14', 'MAKEUP_WORKDAY', '春节'),
    (2026, DATE '2026-02-15', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-16', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-17', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-18', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-19', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-20', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-21', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-22', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-23', 'HOLIDAY', '春节'),
    (2026, DATE '2026-02-28', 'MAKEUP_WORKDAY', '春节'),
    (2026, DATE '2026-04-04', 'HOLIDAY', '清明节'),
    (2026, DATE '2026-04-05', 'HOLIDAY', '清明节'),
    (2026, DATE '2026-04-06', 'HOLIDAY', '清明节'),
    (2026, DATE '2026-05-01', 'HOLIDAY', '劳动节'),
    (2026, DATE '2026-05-02', 'HOLIDAY', '劳动节'),
    (2026, DATE '2026-05-03', 'HOLIDAY', '劳动节'),
    (2026, DATE '2026-05-04', 'HOLIDAY', '劳动节'),
    (2026, DATE '2026-05-05', 'HOLIDAY', '劳动节'),
    (2026, DATE '2026-05-09', 'MAKEUP_WORKDAY', '劳动节'),
    (2026, DATE '2026-06-19', 'HOLIDAY', '端午节'),
    (2026, DATE '2026-06-20', 'HOLIDAY', '端午节'),
    (2026, DATE '2026-06-21', 'HOLIDAY', '端午节'),
    (2026, DATE '2026-09-20', 'MAKEUP_WORKDAY', '国庆节'),
    (2026, DATE '2026-09-25', 'HOLIDAY', '中秋节'),
    (2026, DATE '2026-09-26', 'HOLIDAY', '中秋节'),
    (2026, DATE '2026-09-27', 'HOLIDAY', '中秋节'),
    (2026, DATE '2026-10-01', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-02', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-03', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-04', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-05', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-06', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-07', 'HOLIDAY', '国庆节'),
    (2026, DATE '2026-10-10', 'MAKEUP_WORKDAY', '国庆节');

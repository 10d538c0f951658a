-- Project numbers: one counter per city code and year, taken under a row lock so that
-- several nodes on one database never hand out the same number.
CREATE TABLE project_number_counter (
    city_code   VARCHAR(8) NOT NULL,
    counter_year INT       NOT NULL,
    last_number INT        NOT NULL,
    PRIMARY KEY (city_code, counter_year)
);

-- Approved purchase plans (实施计划, 政府采购法实施条例第29条): the planning stage's result.
CREATE TABLE purchase_plan (
    project_number        VARCHAR(32)    PRIMARY KEY,
    service_name          VARCHAR(200)   NOT NULL,
    service_category      VARCHAR(40)    NOT NULL,
    department_group      VARCHAR(64)    NOT NULL,
    department_name       VARCHAR(200)   NOT NULL,
    budget                DECIMAL(16, 2) NOT NULL,
    procurement_method    VARCHAR(40)    NOT NULL,
    service_period_start  DATE           NOT NULL,
    service_period_end    DATE           NOT NULL,
    region                VARCHAR(200)   NOT NULL,
    requested_by          VARCHAR(64)    NOT NULL,
    approved_by           VARCHAR(64)    NOT NULL,
    approved_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64)    NOT NULL
);

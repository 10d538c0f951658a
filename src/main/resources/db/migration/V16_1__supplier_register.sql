-- Suppliers who registered themselves on the portal (政府采购法第二十一条; 政府购买服务管理办法第六条): any lawful supplier,
-- whatever its form of organisation. The login is the engine user user_id; membership of the engine group social-org
-- (承接主体) is what makes it bidder-capable, and it is granted when the mailed code confirms the e-mail address
-- (status CONFIRMED). Nobody approves a registration: a supplier pool or an approval as a condition to take part is
-- forbidden (财库〔2019〕38号一（二）（三）); qualification is examined in each purchase (87号令第四十四条).
-- identifier: the 统一社会信用代码 (GB 32100-2015), or for a natural person the 公民身份号码 (never published).
-- enterprise_size: what an enterprise declared at registration (LARGE/MEDIUM/SMALL/MICRO); each bid declares anew.
CREATE TABLE supplier (
    user_id          VARCHAR(64)   NOT NULL,
    supplier_name    VARCHAR(200)  NOT NULL,
    supplier_type    VARCHAR(24)   NOT NULL,
    identifier       VARCHAR(18)   NOT NULL,
    enterprise_size  VARCHAR(8),
    contact_person   VARCHAR(50)   NOT NULL,
    contact_phone    VARCHAR(30)   NOT NULL,
    email            VARCHAR(254)  NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    code_hash        VARCHAR(64),
    code_sent_at     TIMESTAMP WITH TIME ZONE,
    code_expires_at  TIMESTAMP WITH TIME ZONE,
    failed_tries     INT           NOT NULL DEFAULT 0,
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_supplier PRIMARY KEY (user_id)
);

CREATE UNIQUE INDEX uk_supplier_identifier ON supplier (identifier);

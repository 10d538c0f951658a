-- Mail that the procedure owes someone. A row is written in the same transaction as the step that causes the
-- mail, so a rolled-back step leaves no row; the MailDelivery process sends it after commit and sets sent_at.
-- dedup_key names the event and the recipient: the same event never mails the same person twice.
create table mail_outbox (
    id                varchar(36)   not null,
    dedup_key         varchar(400)  not null,
    template          varchar(100)  not null,
    recipient_user    varchar(255),
    recipient_address varchar(320)  not null,
    business_key      varchar(255),
    model_json        text          not null,
    created_at        timestamp     not null,
    sent_at           timestamp,
    subject           varchar(1000),
    constraint pk_mail_outbox primary key (id),
    constraint uk_mail_outbox_dedup_key unique (dedup_key)
);

create index ix_mail_outbox_business_key on mail_outbox (business_key);

-- Deadline reminders already given, one per task and kind (due-soon, overdue), so the periodic scan
-- reminds once and skips the task afterwards.
create table mail_task_reminder (
    task_id    varchar(64) not null,
    kind       varchar(20) not null,
    created_at timestamp   not null,
    constraint pk_mail_task_reminder primary key (task_id, kind)
);

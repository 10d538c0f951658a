-- Mail is delivered by the application's own dispatcher (notification/MailDispatcher) instead of one MailDelivery
-- process instance per mail. The row itself carries the delivery state:
--   state            PENDING until the mail server accepted the mail (SENT) or every retry failed (FAILED: a
--                    Cockpit incident on the purchase's process instance; retrying it there makes it PENDING again)
--   next_attempt_at  not before this moment (back-off after a failure)
--   lease_owner/
--   lease_until      the node sending it now; another node may take the mail over only after lease_until, so a
--                    mail in flight is not sent twice by two nodes
--   attempts         failed attempts so far; last_error the last failure
--   process_instance_id  the root process instance (the purchase) of the step that queued the mail, which an
--                    incident is attached to
alter table mail_outbox add column state varchar(10) default 'PENDING' not null;
alter table mail_outbox add column next_attempt_at timestamp;
alter table mail_outbox add column attempts integer default 0 not null;
alter table mail_outbox add column lease_owner varchar(255);
alter table mail_outbox add column lease_until timestamp;
alter table mail_outbox add column last_error varchar(2000);
alter table mail_outbox add column process_instance_id varchar(64);

update mail_outbox set state = 'SENT' where sent_at is not null;
update mail_outbox set next_attempt_at = created_at;
alter table mail_outbox alter column next_attempt_at set not null;

-- the dispatcher's query: pending mails due now, oldest first
create index ix_mail_outbox_due on mail_outbox (state, next_attempt_at);

-- E-mail notifications as an outbox: a row is written in the transaction of the change it tells
-- about (rolled back with it), then sent after the commit; a failed send is counted and retried
-- until the configured number of attempts, the last error kept.
create table notification (
    id           uuid          primary key,
    recipient    varchar(320)  not null,
    subject      varchar(300)  not null,
    body         text          not null,
    event        varchar(60)   not null,
    subject_ref  varchar(120)  not null,
    created_at   timestamp with time zone not null,
    sent_at      timestamp with time zone,
    attempts     integer       not null default 0,
    last_error   varchar(1000)
);

-- The sender looks for the unsent rows; a person's page for the rows addressed to them.
create index notification_sent_at on notification (sent_at);
create index notification_recipient on notification (recipient, created_at);

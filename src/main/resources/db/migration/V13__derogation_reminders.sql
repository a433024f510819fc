-- The reminders sent before a derogation's end (90, 30 and 7 days before): one row for each threshold
-- of each end, written with the reminder's message, so that it is sent once whatever the daily job
-- missed, repeated or ran at the same time, and again only for a new end.
create table project_derogation_reminder (
    derogation_id       uuid         not null references project_derogation (id),
    expires_on          date         not null,
    days_before         integer      not null,
    sent_at             timestamp with time zone not null,
    primary key (derogation_id, expires_on, days_before)
);

-- Until now the job reminded on the very day: the thresholds already reached were reminded then, and
-- must not be caught up once more.
insert into project_derogation_reminder (derogation_id, expires_on, days_before, sent_at)
select d.id, d.expires_on, t.days_before, current_timestamp
from project_derogation d
cross join (select 90 as days_before union all select 30 union all select 7) t
where d.status = 'GRANTED' and d.expires_on is not null and d.expires_on <= current_date + t.days_before;

-- Where the daily watch of qualifications stands: the last day whose changes it published. Kept here,
-- not in memory, so that after downtime it catches up every day missed, and two instances never
-- publish a day twice: the day moves by compare-and-set in the transaction that publishes.
-- One row; checked_until is null until the first start, which publishes nothing of the past.
create table qualification_watch (
    id            varchar(40) primary key,
    checked_until date
);

insert into qualification_watch (id, checked_until) values ('qualifications', null);

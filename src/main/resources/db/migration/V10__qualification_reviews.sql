-- DINUM's word on a qualification: confirmed, corrected or ended on ANSSI's list. Each review amends
-- the catalogue in force, on top of the reference and the accepted declarations, in the order made;
-- never updated, never deleted.
create table qualification_review (
    id              uuid primary key,
    offer_id        varchar(100) not null,
    scheme          varchar(20)  not null,
    action          varchar(20)  not null,
    status          varchar(20)  not null,
    event_date      date         not null,
    dating          varchar(20)  not null,
    scheme_version  varchar(20),
    valid_until     date,
    evidence        varchar(30)  not null,
    comment         text,
    reviewer        varchar(300) not null,
    reviewed_at     timestamp with time zone not null
);

create index qualification_review_offer on qualification_review (offer_id);

-- Offers declared by providers, waiting for DINUM's review; accepted ones amend the catalogue.
create table offer_declaration (
    id              uuid primary key,
    offer_id        varchar(100) not null,
    provider        varchar(300) not null,
    kind            varchar(20)  not null,
    content         text         not null,
    status          varchar(20)  not null,
    submitted_at    timestamp with time zone not null,
    version         integer      not null
);

create index offer_declaration_offer on offer_declaration (offer_id);

-- Who did what to a declaration, in order: never updated, never deleted.
create table offer_declaration_event (
    declaration_id  uuid         not null references offer_declaration (id),
    seq             integer      not null,
    at              timestamp with time zone not null,
    actor           varchar(300) not null,
    role            varchar(30)  not null,
    action          varchar(30)  not null,
    comment         text,
    primary key (declaration_id, seq)
);

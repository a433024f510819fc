-- Projects of public entities, and every assessment of them with the decision it received.
create table project (
    id              uuid         primary key,
    name            varchar(300) not null,
    entity_name     varchar(300) not null,
    entity_kind     varchar(40)  not null,
    ministry        varchar(300),
    archived        boolean      not null,
    registered_at   timestamp with time zone not null,
    version         integer      not null
);

-- Never updated: a new assessment or a re-evaluation adds a row, so compliance has a history.
create table project_decision (
    project_id      uuid         not null references project (id),
    seq             integer      not null,
    at              timestamp with time zone not null,
    actor           varchar(300) not null,
    reason          varchar(40)  not null,
    offer_id        varchar(100),
    assessment      text         not null,
    pack_id         varchar(40)  not null,
    pack_version    varchar(40)  not null,
    pack_digest     varchar(80)  not null,
    verdict         varchar(20)  not null,
    decision        text         not null,
    primary key (project_id, seq)
);

create index project_decision_offer on project_decision (offer_id);

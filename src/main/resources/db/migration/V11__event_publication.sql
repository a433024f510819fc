-- Spring Modulith's event publication registry (schema v2): each event a module listens to is
-- stored with the business transaction that published it, completed when its listener succeeds,
-- and republished at start while incomplete, so that an event between modules is neither lost nor
-- doubled. Types chosen to read the same on H2 (PostgreSQL mode) and on PostgreSQL.
create table event_publication (
    id                     uuid primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(20000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

create index event_publication_by_listener on event_publication (listener_id, event_type);
create index event_publication_by_completion_date on event_publication (completion_date);

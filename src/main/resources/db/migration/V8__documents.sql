-- Documents attached to a project: comparative studies, proofs of equivalent guarantees,
-- reversibility documents. The bytes live with the row so a backup of the database holds them.
create table project_document (
    id              uuid         primary key,
    project_id      uuid         not null references project (id),
    purpose         varchar(40)  not null,
    filename        varchar(255) not null,
    media_type      varchar(100) not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)  not null,
    content         bytea        not null,
    stored_at       timestamp with time zone not null,
    stored_by       varchar(300) not null
);

create index project_document_project on project_document (project_id);

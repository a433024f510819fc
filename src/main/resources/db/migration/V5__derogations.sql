-- Derogations requested by projects from a rule their decision found violated.
create table project_derogation (
    id                  uuid         primary key,
    project_id          uuid         not null references project (id),
    rule                varchar(10)  not null,
    decision_digest     varchar(200) not null,
    justification       text         not null,
    proof               varchar(300),
    status              varchar(30)  not null,
    expires_on          date,
    version             integer      not null
);

create table project_derogation_step (
    derogation_id       uuid         not null references project_derogation (id),
    seq                 integer      not null,
    at                  timestamp with time zone not null,
    actor               varchar(300) not null,
    role                varchar(30),
    status              varchar(30)  not null,
    detail              text,
    primary key (derogation_id, seq)
);

-- Public organisations (ministries, their directorates, State operators, local authorities) and
-- providers; a parent makes the tree that perimeters follow.
create table organisation (
    id          varchar(60)  primary key,
    name        varchar(300) not null,
    kind        varchar(30)  not null,
    parent_id   varchar(60)  references organisation (id),
    siret       varchar(14)  unique,
    created_at  timestamp with time zone not null
);

-- People, known by their professional e-mail (ProConnect's `sub` differs per service and provider).
create table person (
    email           varchar(320) primary key,
    given_name      varchar(200),
    usual_name      varchar(200),
    organisation_id varchar(60)  references organisation (id),
    last_sign_in    timestamp with time zone,
    created_at      timestamp with time zone not null
);

-- What a person may do, and on which organisation's perimeter.
create table person_role (
    email           varchar(320) not null references person (email),
    role            varchar(30)  not null,
    organisation_id varchar(60)  not null references organisation (id),
    granted_at      timestamp with time zone not null,
    granted_by      varchar(320) not null,
    primary key (email, role, organisation_id)
);

-- The organisation that owns a project; projects registered before the directory have none and are
-- seen by DINUM only.
alter table project add column organisation_id varchar(60) references organisation (id);
create index project_organisation on project (organisation_id);

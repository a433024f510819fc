-- The control procedure each decision sets, and the controls opened from it.
alter table project_decision add column control varchar(20);

create table project_control (
    id                  uuid         primary key,
    project_id          uuid         not null references project (id),
    procedure           varchar(20)  not null,
    status              varchar(30)  not null,
    outcome             varchar(40),
    study_document      varchar(300),
    referred_on         date,
    due                 date,
    days_left           bigint       not null,
    version             integer      not null
);

create table project_control_step (
    control_id          uuid         not null references project_control (id),
    seq                 integer      not null,
    at                  timestamp with time zone not null,
    actor               varchar(300) not null,
    role                varchar(30),
    status              varchar(30)  not null,
    detail              text,
    primary key (control_id, seq)
);

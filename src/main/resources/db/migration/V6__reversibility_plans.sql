-- The reversibility plan of a project (R4): exit terms and the resources provisioned for them.
create table project_reversibility (
    project_id          uuid         primary key references project (id),
    exit_terms          text         not null,
    export_formats      varchar(300) not null,
    budget_eur          numeric(14, 2) not null,
    staff_days          integer      not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(300) not null,
    version             integer      not null
);

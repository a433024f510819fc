-- What kept a project from being decided again (its assessment no longer reads under the pack or
-- the catalogue in force, or the re-decision kept failing), one row per kind, shown with the
-- project until it is decided again: a re-decision is never skipped silently.
create table project_issue (
    project_id      uuid         not null references project (id),
    kind            varchar(40)  not null,
    message         text         not null,
    since           timestamp with time zone not null,
    primary key (project_id, kind)
);

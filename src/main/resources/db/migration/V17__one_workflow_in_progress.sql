-- One workflow in progress at a time, held by the database too, so that two requests made at the
-- same moment cannot both pass the services' checks: one control of a project until it is decided,
-- one derogation from a rule of a project while it is pending or in force, one pending declaration of
-- a new offer per offer id. Each key is written by its repository, and null once the workflow is no
-- longer in progress (nulls never clash); a partial index would say the same, but H2 has none.
-- Duplicates made before this migration must be settled first (decide, withdraw or reject all but one).
alter table project_control add column in_progress_for uuid;
update project_control set in_progress_for = project_id where status not in ('DECIDED', 'DEEMED_FAVOURABLE');
create unique index project_control_one_in_progress on project_control (in_progress_for);

alter table project_derogation add column pending_rule varchar(10);
update project_derogation set pending_rule = rule where status in ('REQUESTED', 'APPROVED_BY_MINISTER', 'GRANTED');
create unique index project_derogation_one_per_rule on project_derogation (project_id, pending_rule);

alter table offer_declaration add column pending_new_offer varchar(100);
update offer_declaration set pending_new_offer = offer_id where status = 'SUBMITTED' and kind = 'NEW_OFFER';
create unique index offer_declaration_one_new_offer on offer_declaration (pending_new_offer);

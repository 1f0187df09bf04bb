-- compliance module: what the dashboard and the handlers' gap lists need of each case (number, title, handling
-- unit, when opened, whether still open, its handlers), kept here from the cases module's API at each evaluation,
-- so no query of this module names the cases module's tables. Rows evaluated before this migration are filled in
-- at the next start-up (ComplianceEvaluation.fillProjection).
alter table compliance_case add column case_number varchar(100);
alter table compliance_case add column title varchar(500);
alter table compliance_case add column handling_unit_id uuid;
alter table compliance_case add column opened_at timestamp with time zone;
alter table compliance_case add column case_open boolean;

create table compliance_case_handler (
	case_id  uuid not null,
	staff_id uuid not null,
	primary key (case_id, staff_id)
);
create index compliance_case_handler_staff on compliance_case_handler (staff_id);

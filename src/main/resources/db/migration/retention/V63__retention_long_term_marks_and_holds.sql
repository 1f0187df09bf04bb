-- retention module: long-term preservation marks (长期保存, ART-17) and holds (复议/诉讼/信访 冻结, ART-16).
-- A subject is a whole case (CASE, its id a case id) or one record (RECORDING, DOCUMENT); case_id names the case a
-- record belonged to when marked, so the deputy director in charge of its unit decides. Rows are never deleted:
-- a decision or a release is an update of the row, and the audit log keeps every step.

create table retention_long_term_mark (
	id            uuid primary key,
	subject_type  varchar(10)  not null,
	subject_id    uuid         not null,
	case_id       uuid,
	-- OBJECTION, OBSTRUCTION, MASS_INCIDENT, OTHER (ART-17 (1)-(4)); the reason is required for OTHER
	situation     varchar(20)  not null,
	reason        varchar(1000),
	requested_by  uuid         not null,
	requested_at  timestamp with time zone not null,
	-- REQUESTED, APPROVED, REFUSED
	status        varchar(10)  not null,
	decided_by    uuid,
	decided_at    timestamp with time zone,
	decision_note varchar(500)
);
create index retention_long_term_mark_subject on retention_long_term_mark (subject_type, subject_id);
create index retention_long_term_mark_status on retention_long_term_mark (status);

create table retention_hold (
	id             uuid primary key,
	subject_type   varchar(10)  not null,
	subject_id     uuid         not null,
	case_id        uuid,
	-- RECONSIDERATION, LITIGATION, PETITION
	kind           varchar(20)  not null,
	reason         varchar(1000) not null,
	placed_by      uuid         not null,
	placed_at      timestamp with time zone not null,
	released_by    uuid,
	released_at    timestamp with time zone,
	release_reason varchar(1000)
);
create index retention_hold_subject on retention_hold (subject_type, subject_id);

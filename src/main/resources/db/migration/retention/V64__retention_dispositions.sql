-- retention module: dispositions (销毁, ART-16), never automatic. A disposition lists what was due when it was
-- proposed, one row per blob of each record (a document's versions, a recording's original and the copies made of
-- it); the custodian and legal affairs give their appraisal opinions (鉴定意见); the director approves or refuses;
-- then it is carried out, and each blob's outcome in each copy is written on its row.

create table retention_disposition (
	id              uuid primary key,
	-- 销毁清册 number, e.g. XH-2027-001, never reused
	register_number varchar(20)  not null unique,
	due_month       varchar(7)   not null,
	proposed_by     uuid         not null,
	proposed_at     timestamp with time zone not null,
	-- PROPOSED, APPROVED, REFUSED, CARRIED_OUT
	status          varchar(12)  not null,
	decided_by      uuid,
	decided_at      timestamp with time zone,
	decision_note   varchar(500),
	carried_out_by  uuid,
	carried_out_at  timestamp with time zone
);

create table retention_disposition_item (
	disposition_id uuid         not null references retention_disposition (id),
	position       integer      not null,
	-- RECORDING or DOCUMENT
	record_kind    varchar(10)  not null,
	record_id      uuid         not null,
	case_id        uuid,
	case_number    varchar(60),
	title          varchar(300) not null,
	-- e.g. 10Y, and the day the period was counted from and ended
	period         varchar(12)  not null,
	cut_off        date         not null,
	due_on         date         not null,
	-- which blob of the record: ORIGINAL, VERSION-2, POSTER, ...
	blob_role      varchar(20)  not null,
	sha256         char(64)     not null,
	sm3            char(64),
	size_bytes     bigint       not null,
	-- after carrying out: DESTROYED, ABSENT or REFUSED_BY_STORE in each copy, with the store's words
	primary_outcome varchar(20),
	replica_outcome varchar(20),
	outcome_detail  varchar(1000),
	destroyed_at    timestamp with time zone,
	primary key (disposition_id, position)
);
create index retention_disposition_item_record on retention_disposition_item (record_kind, record_id);
create index retention_disposition_item_blob on retention_disposition_item (sha256);

create table retention_appraisal (
	id             uuid primary key,
	disposition_id uuid          not null references retention_disposition (id),
	-- CUSTODIAN or LEGAL_AFFAIRS
	role           varchar(20)   not null,
	agrees         boolean       not null,
	opinion        varchar(2000) not null,
	given_by       uuid          not null,
	given_at       timestamp with time zone not null
);
create index retention_appraisal_disposition on retention_appraisal (disposition_id);

-- storage module: the alarm inbox (完整性告警). Every IntegrityAlarm any module publishes is kept here for the
-- custodian and the discipline unit until one of them acknowledges it with a note; an alarm is never deleted.
create table storage_integrity_alarm (
	id               uuid primary key,
	raised_at        timestamp with time zone not null,
	kind             varchar(40)   not null,
	subject_type     varchar(40)   not null,
	subject_id       varchar(200)  not null,
	detail           varchar(2000) not null,
	acknowledged_at  timestamp with time zone,
	acknowledged_by  varchar(100),
	note             varchar(1000),
	constraint storage_integrity_alarm_ack check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index storage_integrity_alarm_open on storage_integrity_alarm (acknowledged_at, raised_at);

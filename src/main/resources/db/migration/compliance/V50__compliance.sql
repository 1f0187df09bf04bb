-- compliance module: findings of the completeness checks, each case's current light, ART-06.0 bookmarks and
-- "not suitable for AV recording" exemptions. Cases, stages, recordings and staff live in their modules; their ids
-- are kept here without foreign keys, as elsewhere.

-- A finding is never deleted: when its gap closes it is resolved (FIXED or EXEMPTED) with the time, so reports can
-- say since when a gap was open and when it closed. finding_key names the gap (rule, subject, kind of gap).
create table compliance_finding (
	id                uuid primary key,
	case_id           uuid         not null,
	stage_id          uuid,
	-- the recording or document the finding is about, if any
	record_kind       varchar(10),
	record_id         uuid,
	finding_key       varchar(200) not null,
	rule_id           varchar(60)  not null,
	article           varchar(20)  not null,
	severity          varchar(10)  not null,
	detail            varchar(1000) not null,
	deadline          date         not null,
	rule_pack_version varchar(60)  not null,
	found_at          timestamp with time zone not null,
	judged_at         timestamp with time zone not null,
	resolved_at       timestamp with time zone,
	resolution        varchar(10),
	constraint compliance_finding_resolved check ((resolved_at is null) = (resolution is null))
);
create index compliance_finding_case on compliance_finding (case_id, resolved_at);

-- each case's light after its last evaluation, for the dashboard and the worst-first list
create table compliance_case (
	case_id           uuid primary key,
	light             varchar(10)  not null,
	open_major        integer      not null,
	open_minor        integer      not null,
	rule_pack_version varchar(60)  not null,
	evaluated_at      timestamp with time zone not null
);

-- ART-06.0: the opening statement and closing question of an AV recording, at a time offset (set by an officer while
-- reviewing, or imported from the body camera's own markers), or attested with a reason where no offset can be
-- given. Later marks of the same kind are kept; the latest counts.
create table compliance_bookmark (
	id            uuid primary key,
	recording_id  uuid         not null,
	kind          varchar(10)  not null,
	offset_millis bigint,
	attestation   varchar(500),
	source        varchar(10)  not null,
	set_by        uuid         not null,
	set_at        timestamp with time zone not null,
	constraint compliance_bookmark_how check ((offset_millis is null) <> (attestation is null)),
	constraint compliance_bookmark_offset check (offset_millis is null or offset_millis >= 0)
);
create index compliance_bookmark_recording on compliance_bookmark (recording_id);

-- ART-06.1: a stage "not suitable for AV recording", with the written reason, asked by a handler and approved (or
-- refused) by the head of the handling unit (its deputy director in charge) or the director.
create table compliance_exemption (
	id           uuid primary key,
	case_id      uuid          not null,
	stage_id     uuid          not null,
	reason       varchar(1000) not null,
	requested_by uuid          not null,
	requested_at timestamp with time zone not null,
	status       varchar(10)   not null,
	decided_by   uuid,
	decided_at   timestamp with time zone,
	decision_note varchar(500)
);
create index compliance_exemption_case on compliance_exemption (case_id, stage_id);

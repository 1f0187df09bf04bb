-- access module: requests to see records' content, their decisions and the time-limited grants they become
-- (ART-20). Staff, units and cases live in other modules, so their ids are kept here without foreign keys.

create table access_request (
	id                uuid primary key,
	requester_id      uuid          not null,
	-- the requester's unit when they asked: it decides which deputy director is in charge of the request
	requester_unit_id uuid          not null,
	case_id           uuid          not null,
	scope             varchar(10)   not null,
	purpose           varchar(500)  not null,
	days              integer       not null,
	route             varchar(20)   not null,
	status            varchar(10)   not null,
	requested_at      timestamp with time zone not null,
	decided_by        uuid,
	decided_at        timestamp with time zone,
	opinion           varchar(500),
	granted_until     timestamp with time zone,
	revoked_by        uuid,
	revoked_at        timestamp with time zone,
	revocation_reason varchar(500),
	constraint access_request_scope check (scope in ('CASE', 'RECORDS')),
	constraint access_request_days check (days > 0),
	-- an approval is a grant: it has an end; a decided request has a decider
	constraint access_request_grant check ((status in ('APPROVED', 'REVOKED')) = (granted_until is not null)),
	constraint access_request_decided check ((status = 'PENDING') = (decided_by is null))
);
create index access_request_requester on access_request (requester_id, requested_at);
create index access_request_status on access_request (status, route);
create index access_request_case on access_request (case_id, status);

-- the records a request of scope RECORDS names, each by kind and id
create table access_request_record (
	request_id  uuid        not null references access_request (id),
	position    integer     not null,
	record_kind varchar(20) not null,
	record_id   uuid        not null,
	primary key (request_id, position)
);
create index access_request_record_ref on access_request_record (record_kind, record_id);

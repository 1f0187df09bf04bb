-- storage module: fixity audits (固定性校验, ART-15, ART-22(2)). Each copy of each recorded blob (the primary store's
-- and, where one is configured, the off-site replica's) has one row saying when it was last checked and how it
-- went; every check ever made is a row of its own, never updated or deleted.

create table storage_fixity_copy (
	sha256          char(64)     not null,
	copy_kind       varchar(10)  not null,
	-- what the records say the blob is; sm3 stays null until the record has its SM3
	size_bytes      bigint       not null,
	sm3             char(64),
	last_checked_at timestamp with time zone,
	-- the last check that recomputed SM3 too (SHA-256 and size are recomputed by every check)
	sm3_checked_at  timestamp with time zone,
	-- PASSED, FAILED, MISSING or REPAIRED; FAILED and MISSING mark a copy that reads skip until it is repaired
	last_result     varchar(10),
	-- a run claims a copy until then, so several instances never check the same copy at once
	lease_until     timestamp with time zone,
	lease_owner     varchar(60),
	-- PRIMARY or REPLICA
	primary key (sha256, copy_kind)
);
create index storage_fixity_copy_due on storage_fixity_copy (last_checked_at);

create table storage_fixity_check (
	id          uuid primary key,
	sha256      char(64)     not null,
	copy_kind   varchar(10)  not null,
	checked_at  timestamp with time zone not null,
	-- SHA-256+SM3 for a full check, SHA-256 for a whole read checked on the fly
	algorithm   varchar(20)  not null,
	result      varchar(10)  not null,
	bytes_read  bigint       not null,
	-- PASSED, FAILED, MISSING or REPAIRED
	detail      varchar(1000)
);
create index storage_fixity_check_at on storage_fixity_check (checked_at);
create index storage_fixity_check_object on storage_fixity_check (sha256, checked_at);

-- one row per run of the job, for the status page's "last run"
create table storage_fixity_run (
	id          uuid primary key,
	started_at  timestamp with time zone not null,
	finished_at timestamp with time zone,
	checked     integer      not null,
	bytes_read  bigint       not null,
	budget      bigint       not null,
	instance    varchar(60)  not null
);
create index storage_fixity_run_started on storage_fixity_run (started_at);

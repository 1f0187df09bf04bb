-- issue 16, ADR 0020: one row per scheduled job (ShedLock's table): the instance that holds it runs the job, until
-- lock_until (the database's time).
create table cluster_job_lock (
	name       varchar(64)  not null,
	lock_until timestamp    not null,
	locked_at  timestamp    not null,
	locked_by  varchar(255) not null,
	constraint cluster_job_lock_pk primary key (name)
);

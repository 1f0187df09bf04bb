-- inspection module: violation signals (违规线索, ART-22 (1)-(5), ART-11, ART-12), candidates in the discipline unit's
-- queue, never sanctions by themselves; one per source fact (source_key), with who triaged it and how
create table inspection_signal (
    id            uuid primary key,
    kind          varchar(40)   not null,
    source_key    varchar(200)  not null unique,
    staff_id      uuid,
    subject_type  varchar(40),
    subject_id    varchar(100),
    facts         varchar(2000) not null,
    occurred_at   timestamp with time zone not null,
    raised_at     timestamp with time zone not null,
    state         varchar(20)   not null,
    triaged_by    uuid,
    triaged_at    timestamp with time zone,
    triage_note   varchar(1000),
    violation_id  uuid
);

create index inspection_signal_state on inspection_signal (state, raised_at);

-- downloads of originals and packages, as the modules that serve them report them: what the copying signals count
create table inspection_download (
    id            uuid primary key,
    staff_id      uuid         not null,
    subject_type  varchar(40)  not null,
    subject_id    varchar(100) not null,
    bureau_day    date         not null,
    at            timestamp with time zone not null
);

create index inspection_download_day on inspection_download (staff_id, bureau_day);

-- recordings module: corrections (更正申请) of what a recording records after it arrived: its recorder, its times or
-- its case link. Each is asked for with a reason and decided by a leader; an approved one is applied as a new
-- revision (applied_version). Who may see a recording never follows from these (issue 11, ART-14, ART-20).
create table recordings_correction (
    id              uuid primary key,
    recording_id    uuid         not null references recordings_recording (id),
    case_before     uuid,
    recorded_by     uuid,
    started_at      timestamp with time zone,
    ended_at        timestamp with time zone,
    case_id         uuid,
    unlink          boolean      not null,
    reason          varchar(500) not null,
    requested_by    uuid         not null,
    requested_at    timestamp with time zone not null,
    status          varchar(10)  not null,
    decided_by      uuid,
    decided_at      timestamp with time zone,
    opinion         varchar(500),
    applied_version integer
);
create index recordings_correction_recording on recordings_correction (recording_id);
create index recordings_correction_status on recordings_correction (status, requested_at);
create index recordings_correction_case_before on recordings_correction (case_before);
create index recordings_correction_case on recordings_correction (case_id);

-- recordings module: audio-visual records (音像记录). The recording row holds what the file is and how it arrived,
-- which never changes; what it records (who, when, which case and stages) is kept as numbered revisions, so a link
-- or a correction is a new revision with who, when and why, and nothing is erased (ART-06, ART-15, ART-22(2)).
create table recordings_recording (
    id             uuid primary key,
    kind           varchar(10)  not null,
    media_type     varchar(100) not null,
    original_name  varchar(255) not null,
    size_bytes     bigint       not null,
    sha256         char(64)     not null unique,
    sm3            char(64)     not null,
    file_created_at timestamp with time zone,
    duration_millis bigint,
    latitude       double precision,
    longitude      double precision,
    uploaded_by    uuid         not null,
    uploaded_at    timestamp with time zone not null,
    channel        varchar(10)  not null
);
create index recordings_recording_uploaded_at on recordings_recording (uploaded_at);

create table recordings_revision (
    id            uuid primary key,
    recording_id  uuid        not null references recordings_recording (id),
    version       integer     not null,
    recorded_by   uuid        not null,
    device_serial varchar(64),
    started_at    timestamp with time zone not null,
    ended_at      timestamp with time zone not null,
    case_id       uuid,
    changed_by    uuid        not null,
    changed_at    timestamp with time zone not null,
    reason        varchar(500) not null,
    current       boolean     not null,
    unique (recording_id, version)
);
create index recordings_revision_case on recordings_revision (case_id, current);
create index recordings_revision_current on recordings_revision (recording_id, current);

create table recordings_revision_stage (
    revision_id uuid not null references recordings_revision (id),
    stage_id    uuid not null,
    primary key (revision_id, stage_id)
);

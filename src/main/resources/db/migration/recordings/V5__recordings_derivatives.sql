-- recordings module: copies derived from recordings for viewing (派生文件), a poster frame and a browser-playable
-- version of videos. They live in the write-once store beside the originals but are never evidence: the original is
-- untouched and stays the evidence (ART-22(2)). A failure is kept too, with its reason, so nobody waits for a copy
-- that will not come. One row per recording and kind; rows are only ever added.
create table recordings_derivative (
    id           uuid primary key,
    recording_id uuid         not null references recordings_recording (id),
    kind         varchar(10)  not null,
    status       varchar(10)  not null,
    media_type   varchar(100) not null,
    size_bytes   bigint,
    sha256       char(64),
    sm3          char(64),
    made_at      timestamp with time zone not null,
    tool         varchar(200) not null,
    reason       varchar(1000),
    unique (recording_id, kind)
);

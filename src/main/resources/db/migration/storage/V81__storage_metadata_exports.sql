-- storage module: each export of the database's records into the off-site replica (ART-15.3): when it ran, what it
-- wrote (the archive's name in the replica, its SHA-256 and SM3, tables and rows) or why it failed.
create table storage_metadata_export (
    id           uuid primary key,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    name         varchar(200),
    sha256       char(64),
    sm3          char(64),
    size_bytes   bigint,
    tables       integer,
    row_count    bigint,
    error        varchar(2000)
);
create index storage_metadata_export_started on storage_metadata_export (started_at);

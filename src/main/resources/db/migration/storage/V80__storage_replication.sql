-- storage module: the durable queue that copies every blob of the write-once store to the off-site replica
-- (异地备份, ART-15.3). One row per blob, added when the blob is placed (or by the catch-up that compares the store's
-- inventory with this table, so a crash between placing and enqueuing loses nothing). A row is verified only once the
-- replica's copy was read back and matched the primary's SHA-256, SM3 and size; failures keep their last error and
-- are retried with back-off. Instances claim rows with FOR UPDATE SKIP LOCKED and a lease (claimed_until).
create table storage_replication (
    sha256          char(64) primary key,
    size_bytes      bigint,
    sm3             char(64),
    enqueued_at     timestamp with time zone not null,
    attempts        integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(2000),
    failed_at       timestamp with time zone,
    copied_at       timestamp with time zone,
    verified_at     timestamp with time zone
);
create index storage_replication_pending on storage_replication (verified_at, next_attempt_at);

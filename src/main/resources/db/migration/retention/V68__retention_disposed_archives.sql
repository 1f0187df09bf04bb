-- retention module: disposing of an archived case file (销毁, ART-16). A disposition of an archived case lists, beside
-- its records, every package version of the file and any disc image holding one (retention_disposition_item rows
-- with record_kind ARCHIVE, record_id the archive_file's id); once every one of them is destroyed the file is marked
-- disposed here, and a tombstone (record_kind ARCHIVE) names the disposition. The file's row, its 档号 and its
-- versions' digests stay: an archive number is never reused, and the register keeps what was destroyed.

alter table archive_file add column disposed_at timestamp with time zone;
alter table archive_file add column disposition_id uuid;
alter table archive_file add column disposition_register varchar(20);

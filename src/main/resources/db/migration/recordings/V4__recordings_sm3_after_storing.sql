-- SM3 is computed just after a recording is stored, not while its upload waits (see ContentDigest): it is empty
-- for those few seconds, and filled in once; a filled SM3 is never changed.
alter table recordings_recording alter column sm3 drop not null;

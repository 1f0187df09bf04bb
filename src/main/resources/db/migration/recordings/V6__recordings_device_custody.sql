-- ART-10, ART-11: whether the recorder held the named device when the recording was made, judged against the
-- device ledger when each revision is made and kept with it, for the completeness checks to report.
alter table recordings_revision add column device_finding varchar(30);

-- Issue 15 (pages under 300 ms on 100,000 cases): the custodian's late-upload queue (ART-15.1, ART-13) and its home
-- tile read the open findings that belong in it. Told apart by article, severity and rule id only, each read scanned
-- every open finding (half a million); a flag set when a finding is written, with an index, reads only the queue's.
-- In the queue: an upload stored late (ART-15.1), or a required recording missing (the pack's AV rules, red); the
-- latter only once its deadline passed, which the query asks.
alter table compliance_finding add column in_upload_queue boolean default false not null;
update compliance_finding set in_upload_queue = true
where article = 'ART-15.1' or (severity = 'MAJOR' and rule_id like 'AV-%');
create index compliance_finding_upload_queue on compliance_finding (in_upload_queue, resolved_at, deadline);

-- Compliance benchmark data set (issue 7), generated straight into PostgreSQL: :cases cases of the bureau, each with
-- 2 handlers, a party, 3 stages (on-site inspection, seizure, decision) with 2 officers present, :per recordings (videos
-- in 4.5-minute segments over the two AV stages, some with gaps, some late, most with their ART-06.0 bookmarks) and 2
-- documents (an on-site record signed by officers and party, a sealed decision). Ids are md5-derived UUIDs so runs
-- are repeatable. Needs the schema (run the jar once) and the documents kinds it seeds.
\set ON_ERROR_STOP on
begin;
insert into staff_unit (id, code, name, kind)
select md5('unit' || u)::uuid, 'BU' || u, '执法单位' || u, 'INSPECTION_TEAM' from generate_series(1, 10) u;
insert into staff_member (id, username, name, staff_number, unit_id, permanent, enabled, created_at)
select md5('staff' || s)::uuid, 'bench' || s, '执法人员' || s, 'B' || s, md5('unit' || (s % 10 + 1))::uuid,
       s % 20 <> 0, true, now()
from generate_series(1, 200) s;
insert into staff_role (staff_id, role)
select md5('staff' || s)::uuid, case when s % 20 = 0 then 'ASSISTANT' else 'OFFICER' end from generate_series(1, 200) s;
insert into staff_certificate (id, staff_id, number, issuer, valid_from, valid_to)
select md5('cert' || s)::uuid, md5('staff' || s)::uuid, 'BC' || s, '浙江省人民政府', date '2020-01-01',
       -- every 50th officer's certificate ran out mid-2026, so some of their recordings are reported (ART-08)
       case when s % 50 = 7 then date '2026-06-30' else date '2030-12-31' end
from generate_series(1, 200) s where s % 20 <> 0;
-- the benchmark's reader: a director with an API token (secret lt_bench_director)
insert into staff_member (id, username, name, staff_number, unit_id, permanent, enabled, created_at)
values (md5('director')::uuid, 'bench.director', '局长', 'B0', md5('unit1')::uuid, true, true, now());
insert into staff_role (staff_id, role) values (md5('director')::uuid, 'DIRECTOR');
insert into staff_api_token (id, staff_id, name, token_hash, created_at)
values (md5('token')::uuid, md5('director')::uuid, 'bench', encode(sha256('lt_bench_director'::bytea), 'hex'), now());

create temporary table bench_case as
select c, md5('case' || c)::uuid as id,
       timestamptz '2026-01-01 09:00+08' + (c % 330) * interval '1 day' + (c % 7) * interval '1 hour' as opened_at,
       (c % 200) + 1 as h1, ((c + 77) % 200) + 1 as h2
from generate_series(1, :cases) c;
-- assistants never handle: move them to the next officer
update bench_case set h1 = h1 + 1 where h1 % 20 = 0;
update bench_case set h2 = h2 + 1 where h2 % 20 = 0;
update bench_case set h2 = h2 % 199 + 1 where h2 = h1 or h2 % 20 = 0;

insert into cases_case (id, case_number, kind, procedure, title, handling_unit_id, major, status, opened_at, opened_by)
select id, '东市监处〔2026〕' || c || '号', case when c % 3 = 0 then 'ADMINISTRATIVE_COERCION' else 'ADMINISTRATIVE_PENALTY' end,
       'GENERAL', '基准案件' || c, md5('unit' || (h1 % 10 + 1))::uuid, false, 'OPEN', opened_at, md5('staff' || h1)::uuid
from bench_case;
insert into cases_handler (case_id, staff_id, position)
select id, md5('staff' || h1)::uuid, 0 from bench_case
union all select id, md5('staff' || h2)::uuid, 1 from bench_case;
insert into cases_party (case_id, position, kind, name, id_number)
select id, 0, 'ORGANIZATION', '基准公司' || c, '91330783MA2HX7Q5PJ' from bench_case;

-- stage n of case c: 1 on-site inspection (45 min), 2 seizure (45 min), 3 decision (text only)
create temporary table bench_stage as
select b.c, n, md5('stage' || b.c || '-' || n)::uuid as id, b.id as case_id,
       case n when 1 then 'ON_SITE_INSPECTION' when 2 then 'SEIZURE' else 'DECISION' end as kind,
       b.opened_at + interval '1 day' + (n - 1) * interval '1 hour' as started_at, b.h1, b.h2
from bench_case b, generate_series(1, 3) n;
insert into cases_stage (id, case_id, kind, started_at, ended_at, recorded_by, recorded_at)
select id, case_id, kind, started_at, started_at + interval '45 minutes', md5('staff' || h1)::uuid, started_at
from bench_stage;
insert into cases_stage_present (stage_id, staff_id)
select id, md5('staff' || h1)::uuid from bench_stage union all select id, md5('staff' || h2)::uuid from bench_stage;

-- recording k of case c: stage 1 + k / (per/2), segment k % (per/2) of 4.5 minutes (10 segments cover 45 min);
-- every 13th case leaves out a segment (a gap), every 17th stores one recording 3 days late
create temporary table bench_recording as
select b.c, k, md5('rec' || b.c || '-' || k)::uuid as id, md5('rev' || b.c || '-' || k)::uuid as revision_id, b.id as case_id,
       md5('stage' || b.c || '-' || (1 + k / (:per / 2)))::uuid as stage_id,
       b.opened_at + interval '1 day' + (k / (:per / 2)) * interval '1 hour'
         + (k % (:per / 2)) * (interval '45 minutes' / (:per / 2)) as started_at,
       case when k % 2 = 0 then b.h1 else b.h2 end as recorder
from bench_case b, generate_series(0, :per - 1) k
where not (b.c % 13 = 0 and k = 3);
insert into recordings_recording (id, kind, media_type, original_name, size_bytes, sha256, sm3, duration_millis,
                                  uploaded_by, uploaded_at, channel)
select id, 'VIDEO', 'video/mp4', 'bench' || c || '-' || k || '.mp4', 1048576, encode(sha256(id::text::bytea), 'hex'),
       encode(sha256(id::text::bytea), 'hex'), 270000, md5('staff' || recorder)::uuid,
       started_at + case when c % 17 = 0 and k = 0 then interval '3 days 2 hours' else interval '2 hours' end, 'UPLOAD'
from bench_recording;
insert into recordings_revision (id, recording_id, version, recorded_by, started_at, ended_at, case_id, changed_by,
                                 changed_at, reason, current)
select revision_id, id, 1, md5('staff' || recorder)::uuid, started_at,
       started_at + interval '45 minutes' / (:per / 2), case_id, md5('staff' || recorder)::uuid, started_at, '上传', true
from bench_recording;
insert into recordings_revision_stage (revision_id, stage_id) select revision_id, stage_id from bench_recording;
-- ART-06.0 marks on all recordings but those of every 11th case
insert into compliance_bookmark (id, recording_id, kind, offset_millis, source, set_by, set_at)
select md5('bm' || id || m)::uuid, id, m, case m when 'OPENING' then 5000 else 260000 end, 'DEVICE',
       md5('staff' || recorder)::uuid, started_at + interval '3 hours'
from bench_recording, unnest(array['OPENING', 'CLOSING']) m
where c % 11 <> 0;

-- documents: an on-site record (officers and party sign) and a decision (sealed; unsealed in every 19th case)
create temporary table bench_document as
select b.c, d, md5('doc' || b.c || '-' || d)::uuid as id, b.id as case_id,
       case d when 1 then 'ON_SITE_RECORD' else 'PENALTY_DECISION' end as kind_code,
       md5('stage' || b.c || '-' || case d when 1 then 1 else 3 end)::uuid as stage_id,
       b.opened_at + interval '1 day' + (d * 2) * interval '1 hour' as made_at, b.h1, b.h2
from bench_case b, generate_series(1, 2) d;
insert into documents_document (id, case_id, stage_id, kind_code, kind_version, title, made_by, made_at,
                                registered_by, registered_at)
select id, case_id, stage_id, kind_code, (select max(version) from documents_kind k where k.code = kind_code),
       kind_code || c, md5('staff' || h1)::uuid, made_at, md5('staff' || h1)::uuid, made_at
from bench_document;
insert into documents_version (document_id, version, sha256, sm3, size_bytes, media_type, file_name, page_count,
                               changed_by, changed_at)
select id, 1, encode(sha256(id::text::bytea), 'hex'), encode(sha256(id::text::bytea), 'hex'), 40960,
       'application/pdf', 'scan.pdf', 1, md5('staff' || h1)::uuid, made_at
from bench_document;
insert into documents_confirmation (id, document_id, version, kind, role, staff_id, name, confirmed_at, recorded_by,
                                    recorded_at)
select md5('conf' || id || r)::uuid, id, 1, case r when 'BUREAU' then 'SEAL' else 'SIGNATURE' end,
       case when r like 'OFFICER%' then 'OFFICER' else r end,
       case r when 'OFFICER1' then md5('staff' || h1)::uuid when 'OFFICER2' then md5('staff' || h2)::uuid end,
       case r when 'PARTY' then '基准公司' || c when 'BUREAU' then '东阳市市场监督管理局' else '执法人员' end,
       made_at, md5('staff' || h1)::uuid, made_at
from bench_document, unnest(array['OFFICER1', 'OFFICER2', 'PARTY', 'BUREAU']) r
where (kind_code = 'ON_SITE_RECORD' and r <> 'BUREAU') or (kind_code = 'PENALTY_DECISION' and r = 'BUREAU' and c % 19 <> 0);
commit;
analyze;

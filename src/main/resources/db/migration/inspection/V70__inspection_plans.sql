-- inspection module: spot-check plans (抽查方案, ART-21) and their reproducible samples. A plan names the records it
-- draws from (period, units and/or officers, record kinds), how many, its checklist and its inspectors; the draw's
-- seed is kept so anyone can draw again and get the same sample. The director's approval opens the sampled records
-- to the plan's inspectors until review_until (ART-20). Staff and unit ids are kept without foreign keys, as other
-- modules' rows are.

create table inspection_plan (
	id              uuid          primary key,
	title           varchar(200)  not null,
	period_from     date          not null,
	period_to       date          not null,
	review_until    date          not null,
	-- CASE_AV, DAILY_AV: comma-separated
	record_kinds    varchar(100)  not null,
	sample_size     integer,
	sample_percent  integer,
	status          varchar(16)   not null,
	defined_by      uuid          not null,
	defined_at      timestamp with time zone not null,
	seed            bigint,
	drawn_by        uuid,
	drawn_at        timestamp with time zone,
	draws           integer       not null default 0,
	approved_by     uuid,
	approved_at     timestamp with time zone,
	constraint inspection_plan_size check ((sample_size is null) <> (sample_percent is null))
);

create table inspection_plan_unit (
	plan_id   uuid not null references inspection_plan (id),
	unit_id   uuid not null,
	primary key (plan_id, unit_id)
);

create table inspection_plan_officer (
	plan_id   uuid not null references inspection_plan (id),
	staff_id  uuid not null,
	primary key (plan_id, staff_id)
);

create table inspection_plan_inspector (
	plan_id   uuid not null references inspection_plan (id),
	staff_id  uuid not null,
	primary key (plan_id, staff_id)
);

create table inspection_plan_item (
	plan_id   uuid          not null references inspection_plan (id),
	position  integer       not null,
	text      varchar(200)  not null,
	primary key (plan_id, position)
);

-- the sample of the last draw, with the stratum each record was drawn from
create table inspection_sample (
	plan_id       uuid         not null references inspection_plan (id),
	position      integer      not null,
	record_kind   varchar(16)  not null,
	record_id     uuid         not null,
	stratum_unit  uuid         not null,
	stratum_kind  varchar(16)  not null,
	officer       uuid         not null,
	primary key (plan_id, position),
	constraint inspection_sample_record unique (plan_id, record_id)
);
create index inspection_sample_record_id on inspection_sample (record_id);

-- the strata of the last draw: how many candidates each held and how many were drawn
create table inspection_stratum (
	plan_id     uuid         not null references inspection_plan (id),
	unit_id     uuid         not null,
	kind        varchar(16)  not null,
	candidates  integer      not null,
	drawn       integer      not null,
	primary key (plan_id, unit_id, kind)
);

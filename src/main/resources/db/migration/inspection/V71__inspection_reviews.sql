-- inspection module: reviews of sampled records (检查, ART-21): the checklist answered item by item, time-stamped
-- notes at player positions, and the conclusion with its reasons. One review per sampled record of a plan; the
-- ledger (检查台账) is read from these rows.

create table inspection_review (
	id            uuid          primary key,
	plan_id       uuid          not null references inspection_plan (id),
	record_id     uuid          not null,
	inspector     uuid          not null,
	officer       uuid          not null,
	unit_id       uuid          not null,
	conclusion    varchar(16),
	reasons       varchar(2000),
	started_at    timestamp with time zone not null,
	concluded_at  timestamp with time zone,
	constraint inspection_review_record unique (plan_id, record_id)
);
create index inspection_review_officer on inspection_review (officer);

create table inspection_review_item (
	review_id  uuid          not null references inspection_review (id),
	position   integer       not null,
	text       varchar(200)  not null,
	verdict    varchar(16)   not null,
	note       varchar(1000),
	primary key (review_id, position)
);

create table inspection_review_note (
	id          uuid          primary key,
	review_id   uuid          not null references inspection_review (id),
	at_seconds  integer       not null,
	text        varchar(1000) not null,
	written_by  uuid          not null,
	written_at  timestamp with time zone not null
);
create index inspection_review_note_review on inspection_review_note (review_id);

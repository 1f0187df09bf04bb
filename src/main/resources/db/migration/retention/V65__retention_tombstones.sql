-- retention module: tombstones (销毁记录) of records whose content was destroyed under an approved disposition
-- (ART-16). The record's own metadata stays in its module; this row says when, under which register entry and
-- whose approval, and the disposition's item rows keep each blob's digests and outcome.

create table retention_tombstone (
	record_kind     varchar(10) not null,
	record_id       uuid        not null,
	disposition_id  uuid        not null references retention_disposition (id),
	register_number varchar(20) not null,
	destroyed_at    timestamp with time zone not null,
	approved_by     uuid        not null,
	approved_at     timestamp with time zone not null,
	carried_out_by  uuid        not null,
	primary key (record_kind, record_id)
);

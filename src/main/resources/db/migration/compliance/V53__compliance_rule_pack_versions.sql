-- compliance module: every rule pack version ever in force (Chapter 8: findings judged honestly). A pack is kept by
-- the SHA-256 of its bytes, with its text, so a case is judged under the pack in force when it was first judged
-- (when it was opened) however often the bureau reloads another; loaded_by is null for a pack put in force at
-- start-up. Nothing here is ever deleted or changed.
create table compliance_rule_pack (
	digest     char(64)      primary key,
	version    varchar(60)   not null,
	source     varchar(500)  not null,
	content    varchar(1000000) not null,
	loaded_at  timestamp with time zone not null,
	loaded_by  uuid
);

-- the pack each case is judged under: set at its first judgement, never changed after
alter table compliance_case add column rule_pack_digest char(64);

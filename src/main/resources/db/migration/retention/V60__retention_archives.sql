-- retention module: archived case files (归档, ART-13, ART-14, ART-16). Cases, units and staff live in other modules,
-- so their ids are kept here without foreign keys. Nothing here is ever deleted: an archive number is never reused.

-- the last archive serial given per unit and year (档号: year + serial per unit and year); taken with a row lock in
-- the archiving transaction, so two custodians archiving at once get different serials
create table archive_serial (
	unit_id      uuid    not null,
	archive_year integer not null,
	last_serial  integer not null,
	primary key (unit_id, archive_year)
);

create table archive_file (
	id                uuid primary key,
	case_id           uuid         not null,
	archive_number    varchar(64)  not null,
	unit_id           uuid         not null,
	archive_year      integer      not null,
	serial            integer      not null,
	-- the file plan's row, its version, and the period it gave (PERMANENT, 30Y, ...), counted from the cut-off
	category          varchar(60)  not null,
	file_plan_version varchar(60)  not null,
	retention_period  varchar(12)  not null,
	cut_off           varchar(20)  not null,
	cut_off_date      date         not null,
	-- null for a permanent period
	due_on            date,
	archived_at       timestamp with time zone not null,
	archived_by       uuid         not null,
	-- a record of the archived case changed by an approved correction since the newest version: the custodian
	-- makes a new package version (the old ones stay)
	changed_since     timestamp with time zone,
	change_note       varchar(500),
	constraint archive_file_case unique (case_id),
	-- 档号 are per handling unit (its fonds, 全宗): the same number may stand in two units, never twice in one
	constraint archive_file_number unique (unit_id, archive_number),
	constraint archive_file_serial unique (unit_id, archive_year, serial)
);

-- each package version of a file: the BagIt zip in the write-once store and its four-property report
create table archive_version (
	archive_id      uuid          not null references archive_file (id),
	version         integer       not null,
	sha256          char(64)      not null,
	-- the package's SM3 is left to the fixity audit, as for evidence packages: computing it here would read a
	-- gigabyte package a second time
	sm3             char(64),
	size_bytes      bigint        not null,
	-- DA/T 70-2018 四性检测: whether every check passed, and the report as JSON (also inside the package)
	passed          boolean       not null,
	report          varchar(1000000) not null,
	-- the director's written reason for archiving despite a failed check
	override_reason varchar(2000),
	overridden_by   uuid,
	-- why a later version was made (the approved correction)
	reason          varchar(2000),
	made_at         timestamp with time zone not null,
	made_by         uuid          not null,
	primary key (archive_id, version),
	constraint archive_version_override check (passed or override_reason is not null)
);
create index archive_version_sha256 on archive_version (sha256);

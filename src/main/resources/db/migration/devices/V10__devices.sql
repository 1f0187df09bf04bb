-- devices module: recording devices and their history, pre-use checks, faults, repairs, maintenance, the keepers'
-- notifications and collection stations (ART-09 to ART-12). Staff and units live in the staff module, so their
-- ids are kept here without foreign keys, as in the cases module.

create table devices_device (
	id                  uuid primary key,
	serial_number       varchar(60)  not null unique,
	kind                varchar(20)  not null,
	model               varchar(100) not null,
	unit_id             uuid         not null,
	status              varchar(20)  not null,
	holder_id           uuid,
	storage_capacity_mb integer,
	commissioned_on     date         not null,
	registered_at       timestamp with time zone not null,
	-- one more with every status change: a change is stored only against the version it was decided on
	version             integer      not null,
	-- a device has a holder exactly while it is issued: one person at a time (ART-11 use management)
	constraint devices_device_holder check ((status = 'ISSUED' and holder_id is not null)
		or (status <> 'ISSUED' and holder_id is null)),
	constraint devices_device_capacity check (storage_capacity_mb is null or storage_capacity_mb > 0)
);
create index devices_device_unit on devices_device (unit_id, serial_number);
create index devices_device_holder_id on devices_device (holder_id);

-- the device's history, append-only: "who held device X at time T" is answered from it, so rows are never
-- updated or deleted; position orders changes made in the same millisecond
create table devices_status_change (
	device_id   uuid         not null references devices_device (id),
	position    integer      not null,
	from_status varchar(20),
	to_status   varchar(20)  not null,
	holder_id   uuid,
	changed_at  timestamp with time zone not null,
	changed_by  uuid         not null,
	reason      varchar(1000),
	primary key (device_id, position)
);
create index devices_status_change_at on devices_status_change (device_id, changed_at);

-- ART-11 pre-use checks, kept whether they passed or not; the verdict is stored because thresholds may change
create table devices_check (
	id                   uuid primary key,
	device_id            uuid        not null references devices_device (id),
	device_version       integer     not null,
	checked_at           timestamp with time zone not null,
	checked_by           uuid        not null,
	battery_percent      integer     not null,
	free_storage_mb      integer,
	free_storage_percent integer,
	clock_offset_seconds integer     not null,
	lens_ok              boolean     not null,
	-- comma-separated CheckFailure names, empty when the check passed
	failures             varchar(100) not null,
	overridden_by        uuid,
	override_reason      varchar(500),
	overridden_at        timestamp with time zone,
	constraint devices_check_battery check (battery_percent between 0 and 100),
	constraint devices_check_storage check ((free_storage_mb is null or free_storage_mb >= 0)
		and (free_storage_percent is null or free_storage_percent between 0 and 100)
		and (free_storage_mb is not null or free_storage_percent is not null)),
	constraint devices_check_override check ((overridden_by is null) = (override_reason is null))
);
create index devices_check_device on devices_check (device_id, checked_at);

-- ART-12 fault reports; a fault stays open until a repair of the device closes
create table devices_fault (
	id          uuid primary key,
	device_id   uuid          not null references devices_device (id),
	reported_at timestamp with time zone not null,
	reported_by uuid          not null,
	description varchar(1000) not null,
	held_by     uuid,
	closed_at   timestamp with time zone
);
create index devices_fault_device on devices_fault (device_id, reported_at);

-- ART-12 repair orders; reimbursable follows from self_repair (擅自修理 is not reimbursed) and is not stored
create table devices_repair (
	id           uuid primary key,
	device_id    uuid          not null references devices_device (id),
	repairer     varchar(200)  not null,
	self_repair  boolean       not null,
	sent_on      date          not null,
	note         varchar(1000),
	opened_at    timestamp with time zone not null,
	opened_by    uuid          not null,
	completed_on date,
	cost         numeric(12, 2),
	result       varchar(1000),
	closed_at    timestamp with time zone,
	closed_by    uuid,
	constraint devices_repair_cost check (cost is null or cost >= 0)
);
create index devices_repair_device on devices_repair (device_id, opened_at);

create table devices_maintenance (
	id          uuid primary key,
	device_id   uuid         not null references devices_device (id),
	done_on     date         not null,
	note        varchar(500),
	recorded_at timestamp with time zone not null,
	recorded_by uuid         not null
);
create index devices_maintenance_device on devices_maintenance (device_id, done_on);

-- what a device keeper is told when a device is reported faulty; read_at is the only thing that ever changes
create table devices_notification (
	id           uuid primary key,
	recipient_id uuid         not null,
	device_id    uuid         not null references devices_device (id),
	fault_id     uuid         not null references devices_fault (id),
	message      varchar(500) not null,
	created_at   timestamp with time zone not null,
	read_at      timestamp with time zone
);
create index devices_notification_recipient on devices_notification (recipient_id, created_at);

-- collection stations (采集站); each signs in through its own machine account of the staff module. The upload
-- columns are fed by the recordings module once it exists.
create table devices_station (
	id             uuid primary key,
	name           varchar(100) not null unique,
	unit_id        uuid         not null,
	location       varchar(200) not null,
	account_id     uuid         not null unique,
	registered_at  timestamp with time zone not null,
	registered_by  uuid         not null,
	upload_count   bigint       not null default 0,
	last_upload_at timestamp with time zone
);

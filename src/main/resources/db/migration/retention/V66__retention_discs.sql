-- retention module: optical discs for long-term preservation (ART-17). Each disc is an ISO 9660 image kept whole in
-- the write-once store (image_sha256), with what it holds; burning and where it is kept are recorded by the
-- custodian. Staff ids are kept without foreign keys, as other modules' rows are.

create table retention_disc (
	id            uuid primary key,
	-- the label written on the disc and in its volume id, never reused
	label         varchar(32)   not null,
	image_sha256  char(64)      not null,
	image_sm3     char(64),
	image_size    bigint        not null,
	list_sha256   char(64)      not null,
	made_by       uuid          not null,
	made_at       timestamp with time zone not null,
	made_with     varchar(200)  not null,
	burned_on     date,
	burned_by     uuid,
	location      varchar(200),
	recorded_at   timestamp with time zone,
	constraint retention_disc_label unique (label),
	constraint retention_disc_burned check ((burned_on is null) = (burned_by is null))
);
create index retention_disc_made_at on retention_disc (made_at);

-- what a disc holds: each package by the reference it came from, where it lies in the image, and its digests
create table retention_disc_item (
	disc_id       uuid          not null references retention_disc (id),
	position      integer       not null,
	source_kind   varchar(30)   not null,
	source_id     varchar(100)  not null,
	title         varchar(300)  not null,
	name_in_image varchar(300)  not null,
	sha256        char(64)      not null,
	sm3           char(64)      not null,
	size_bytes    bigint        not null,
	primary key (disc_id, position)
);

-- retention module: each time a disc is read back and checked (ART-17's yearly re-check): who, when, the image's
-- digest as read, the verdict and the findings naming each file that failed. Rows are only ever added.

create table retention_disc_check (
	id            uuid primary key,
	disc_id       uuid          not null references retention_disc (id),
	checked_at    timestamp with time zone not null,
	checked_by    uuid          not null,
	image_sha256  char(64),
	image_matches boolean,
	passed        boolean       not null,
	findings      text          not null,
	source        varchar(300)  not null
);
create index retention_disc_check_disc on retention_disc_check (disc_id, checked_at);

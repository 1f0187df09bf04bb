-- issue 16: web sessions in the database (Spring Session JDBC, spring.session.jdbc.table-name=cluster_session), so
-- a user signed in through one instance is served by any other; Spring Session's own schema, made by Flyway here
-- instead of its start-up initialisation (one schema tool, on H2 and PostgreSQL alike).
create table cluster_session (
	primary_id            char(36)     not null,
	session_id            char(36)     not null,
	creation_time         bigint       not null,
	last_access_time      bigint       not null,
	max_inactive_interval integer      not null,
	expiry_time           bigint       not null,
	principal_name        varchar(100),
	constraint cluster_session_pk primary key (primary_id)
);

create unique index cluster_session_ix1 on cluster_session (session_id);
create index cluster_session_ix2 on cluster_session (expiry_time);
create index cluster_session_ix3 on cluster_session (principal_name);

create table cluster_session_attributes (
	session_primary_id char(36)     not null,
	attribute_name     varchar(200) not null,
	attribute_bytes    bytea        not null,
	constraint cluster_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint cluster_session_attributes_fk foreign key (session_primary_id) references cluster_session (primary_id)
		on delete cascade
);

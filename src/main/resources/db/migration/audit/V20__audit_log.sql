-- audit module: the tamper-evident log of security-relevant events (ART-22, evidence rules).
-- Rows are only ever inserted; the application has no statement that updates or deletes them.
create table audit_entry (
    seq          bigint        primary key,
    recorded_at  timestamp with time zone not null,
    actor        varchar(100)  not null,
    action       varchar(40)   not null,
    subject_type varchar(40)   not null,
    subject_id   varchar(200)  not null,
    outcome      varchar(20)   not null,
    detail       varchar(2000) not null,
    leaf_hash    varchar(64)   not null,
    constraint audit_entry_seq_from_zero check (seq >= 0)
);
create index audit_entry_subject on audit_entry (subject_type, subject_id);
create index audit_entry_actor on audit_entry (actor);

-- The one row every appender locks, so sequence numbers are taken one writer at a time, across instances too.
create table audit_writer (
    id integer primary key
);
insert into audit_writer (id) values (1);

-- Signed tree heads.
create table audit_checkpoint (
    tree_size  bigint       primary key,
    root_hash  varchar(64)  not null,
    signed_at  timestamp with time zone not null,
    algorithm  varchar(20)  not null,
    signature  varchar(300) not null
);

-- The log's SM2 key pair, made on first use and kept. The private key sits here unencrypted: whoever can write this
-- database can also sign; an HSM (or a key file outside the database) is the production answer.
create table audit_signing_key (
    id          integer      primary key,
    algorithm   varchar(20)  not null,
    public_key  varchar(200) not null,
    private_key varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint audit_signing_key_one check (id = 1)
);

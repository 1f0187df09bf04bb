-- access module: evidence packages (证据材料包) made by the legal affairs unit for reconsideration bodies and courts
-- (ART-18, ART-19). A package is a BagIt bag kept in the write-once store; these rows say who made it, for whom, of
-- what, and what each item is offered to prove. Rows are only ever inserted.
create table evidence_package (
    id             uuid          primary key,
    recipient_kind varchar(30)   not null,
    recipient      varchar(200)  not null,
    purpose        varchar(1000) not null,
    case_id        uuid,
    sha256         varchar(64)   not null,
    sm3            varchar(64),
    size_bytes     bigint        not null,
    item_count     integer       not null,
    custody_entries integer      not null,
    checkpoint_size bigint       not null,
    created_by     uuid          not null,
    created_at     timestamp with time zone not null
);
create index evidence_package_created on evidence_package (created_at);

create table evidence_package_item (
    package_id       uuid          not null references evidence_package (id),
    position         integer       not null,
    record_kind      varchar(20)   not null,
    record_id        uuid          not null,
    path             varchar(300)  not null,
    offered_to_prove varchar(1000) not null,
    primary key (package_id, position)
);

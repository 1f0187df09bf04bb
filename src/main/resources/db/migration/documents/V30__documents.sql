-- documents module: text records (文字记录, ART-05). Kinds are reference data kept as numbered versions, so a
-- document is judged by the kind as it stood when the document was registered. A document's files are numbered
-- versions too: a change is a new version with its reason, never an overwrite (ART-05.4), and each signature or
-- seal is recorded against the version it confirms (ART-05.3). Nothing here is ever deleted.
create table documents_kind (
    code          varchar(40)  not null,
    version       integer      not null,
    chinese_name  varchar(100) not null,
    english_name  varchar(200) not null,
    direction     varchar(10)  not null,
    confirmations varchar(100) not null,
    page_by_page  boolean      not null,
    stage_kinds   varchar(500) not null,
    number_prefix varchar(40),
    volume        varchar(10)  not null,
    volume_section integer     not null,
    changed_by    uuid,
    changed_at    timestamp with time zone not null,
    primary key (code, version)
);

-- per kind and year, the next number (文号) to hand out
create table documents_counter (
    kind_code   varchar(40) not null,
    counter_year integer    not null,
    next_number integer     not null,
    primary key (kind_code, counter_year)
);

create table documents_document (
    id            uuid primary key,
    case_id       uuid         not null,
    stage_id      uuid,
    kind_code     varchar(40)  not null,
    kind_version  integer      not null,
    number        varchar(60)  unique,
    title         varchar(200) not null,
    made_by       uuid         not null,
    made_at       timestamp with time zone not null,
    registered_by uuid         not null,
    registered_at timestamp with time zone not null,
    foreign key (kind_code, kind_version) references documents_kind (code, version)
);
create index documents_document_case on documents_document (case_id);

create table documents_version (
    document_id uuid         not null references documents_document (id),
    version     integer      not null,
    sha256      char(64)     not null,
    sm3         char(64)     not null,
    size_bytes  bigint       not null,
    media_type  varchar(100) not null,
    file_name   varchar(255) not null,
    page_count  integer      not null,
    reason      varchar(500),
    changed_by  uuid         not null,
    changed_at  timestamp with time zone not null,
    primary key (document_id, version)
);

create table documents_confirmation (
    id           uuid primary key,
    document_id  uuid         not null references documents_document (id),
    version      integer      not null,
    kind         varchar(20)  not null,
    role         varchar(20)  not null,
    staff_id     uuid,
    name         varchar(100) not null,
    pages        varchar(1000),
    confirmed_at timestamp with time zone not null,
    witness      varchar(100),
    recording_id uuid,
    note         varchar(500),
    recorded_by  uuid         not null,
    recorded_at  timestamp with time zone not null,
    foreign key (document_id, version) references documents_version (document_id, version)
);
create index documents_confirmation_document on documents_confirmation (document_id);

create table documents_service (
    id               uuid primary key,
    document_id      uuid         not null references documents_document (id),
    method           varchar(20)  not null,
    served_at        timestamp with time zone not null,
    deemed_served_at timestamp with time zone not null,
    server_id        uuid         not null,
    recipient        varchar(100),
    witness          varchar(100),
    place            varchar(200),
    recording_id     uuid,
    proof_id         uuid references documents_document (id),
    recorded_by      uuid         not null,
    recorded_at      timestamp with time zone not null
);
create index documents_service_document on documents_service (document_id);

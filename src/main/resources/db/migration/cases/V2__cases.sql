-- cases module: enforcement cases, their handlers and parties, and their stages (ART-02, ART-06)
create table cases_case (
    id               uuid primary key,
    case_number      varchar(60)  not null unique,
    kind             varchar(40)  not null,
    procedure        varchar(10)  not null,
    title            varchar(200) not null,
    handling_unit_id uuid         not null,
    major            boolean      not null,
    status           varchar(10)  not null,
    opened_at        timestamp with time zone not null,
    opened_by        uuid         not null,
    closed_on        date,
    closed_at        timestamp with time zone,
    closed_by        uuid
);
create index cases_case_opened_at on cases_case (opened_at);

create table cases_handler (
    case_id  uuid    not null references cases_case (id),
    staff_id uuid    not null,
    position integer not null,
    primary key (case_id, staff_id)
);
create index cases_handler_staff on cases_handler (staff_id);

create table cases_party (
    case_id   uuid         not null references cases_case (id),
    position  integer      not null,
    kind      varchar(20)  not null,
    name      varchar(200) not null,
    id_number varchar(18)  not null,
    primary key (case_id, position)
);
create index cases_party_name on cases_party (name);

create table cases_stage (
    id          uuid primary key,
    case_id     uuid        not null references cases_case (id),
    kind        varchar(40) not null,
    started_at  timestamp with time zone not null,
    ended_at    timestamp with time zone,
    place       varchar(200),
    note        varchar(1000),
    recorded_by uuid        not null,
    recorded_at timestamp with time zone not null
);
create index cases_stage_case on cases_stage (case_id, started_at);

create table cases_stage_present (
    stage_id uuid not null references cases_stage (id),
    staff_id uuid not null,
    primary key (stage_id, staff_id)
);

-- staff module: units, staff, roles, enforcement certificates, charges of deputy directors, API tokens (ART-07, ART-08)
create table staff_unit (
    id          uuid primary key,
    code        varchar(40)  not null unique,
    name        varchar(100) not null,
    name_en     varchar(100),
    kind        varchar(30)  not null,
    parent_id   uuid references staff_unit (id)
);

create table staff_member (
    id            uuid primary key,
    username      varchar(60)  not null unique,
    name          varchar(60)  not null,
    staff_number  varchar(30)  not null unique,
    unit_id       uuid         not null references staff_unit (id),
    permanent     boolean      not null,
    enabled       boolean      not null,
    password_hash varchar(200),
    failed_logins integer      not null default 0,
    locked_until  timestamp with time zone,
    created_at    timestamp with time zone not null
);

create table staff_role (
    staff_id uuid        not null references staff_member (id),
    role     varchar(30) not null,
    primary key (staff_id, role)
);

create table staff_certificate (
    id             uuid primary key,
    staff_id       uuid         not null references staff_member (id),
    number         varchar(40)  not null unique,
    issuer         varchar(100) not null,
    valid_from     date         not null,
    valid_to       date         not null,
    revoked_on     date,
    revoked_reason varchar(200),
    constraint staff_certificate_period check (valid_to >= valid_from)
);

-- a deputy director (分管副局长) is in charge of a set of units; ART-20 routes approvals by it
create table staff_charge (
    deputy_id uuid not null references staff_member (id),
    unit_id   uuid not null references staff_unit (id),
    primary key (deputy_id, unit_id)
);

create table staff_api_token (
    id           uuid primary key,
    staff_id     uuid         not null references staff_member (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone
);

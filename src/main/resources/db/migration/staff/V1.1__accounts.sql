-- staff module: accounts a level-3 assessment (GB/T 22239-2019) accepts, and the two-person rule for evidence roles
-- (ART-20, ART-22)

-- a created or reset password must be changed by its owner at the first sign-in
alter table staff_member add column password_change_required boolean default false not null;

-- failed sign-ins per account and client address: failures from one address refuse that address only, so nobody can
-- lock the real owner (or the approvers) out from elsewhere
create table staff_login_failure (
    username     varchar(60) not null,
    address      varchar(64) not null,
    failures     integer     not null,
    refusals     integer     not null,
    refused_until timestamp with time zone,
    last_failed_at timestamp with time zone not null,
    primary key (username, address)
);

-- giving an evidence role (legal affairs, custodian, discipline, deputy director, director) waits for the director
create table staff_role_change (
    id           uuid primary key,
    staff_id     uuid         not null references staff_member (id),
    roles        varchar(200) not null,
    requested_by uuid         not null references staff_member (id),
    requested_at timestamp with time zone not null,
    status       varchar(20)  not null,
    decided_by   uuid references staff_member (id),
    decided_at   timestamp with time zone,
    reason       varchar(200)
);
create index staff_role_change_status on staff_role_change (status, requested_at);

-- inspection module: the violation register (违规登记, ART-22) with the officer's defence (陈述申辩), the discipline
-- unit's proposal and the director's decision on the sanction; rows change only by the register's steps
create table inspection_violation (
    id                  uuid primary key,
    item                integer       not null,
    facts               varchar(4000) not null,
    registered_by       uuid          not null,
    registered_at       timestamp with time zone not null,
    state               varchar(20)   not null,
    proposed_sanction   varchar(20),
    proposed_from       date,
    proposed_to         date,
    proposed_leaders    varchar(1000),
    proposal_reason     varchar(2000),
    proposed_by         uuid,
    proposed_at         timestamp with time zone,
    sanction            varchar(20),
    suspension_from     date,
    suspension_to       date,
    leaders             varchar(1000),
    decision_note       varchar(2000),
    decided_by          uuid,
    decided_at          timestamp with time zone,
    constraint inspection_violation_item check (item between 1 and 6)
);

create table inspection_violation_officer (
    violation_id  uuid not null references inspection_violation (id),
    staff_id      uuid not null,
    defence       varchar(4000),
    defended_at   timestamp with time zone,
    primary key (violation_id, staff_id)
);

-- where the violation came from: a spot check, a signal, a complaint, a compliance finding; with a link to the record
create table inspection_violation_source (
    violation_id  uuid         not null references inspection_violation (id),
    position      integer      not null,
    kind          varchar(20)  not null,
    reference     varchar(200),
    note          varchar(1000),
    primary key (violation_id, position)
);

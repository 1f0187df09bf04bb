-- staff module: suspensions from enforcement duty (暂停执法资格) a sanction decided (ART-22); while one covers a day the
-- person is not qualified that day (ART-08). Suspensions are only ever added: past qualification stays provable.
create table staff_suspension (
    id          uuid primary key,
    staff_id    uuid         not null references staff_member (id),
    first_day   date         not null,
    last_day    date         not null,
    reason      varchar(500) not null,
    decided_by  uuid         not null references staff_member (id),
    recorded_at timestamp with time zone not null,
    constraint staff_suspension_period check (last_day >= first_day)
);

create index staff_suspension_staff on staff_suspension (staff_id);

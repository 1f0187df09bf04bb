-- issue 16: a rule pack put in force on one instance is put in force on every instance of a cluster: each reload
-- counts up this row, and every instance reloads when it sees a count it has not (RulePackRefresh).
create table compliance_rule_pack_generation (
	id         integer not null primary key,
	generation bigint  not null
);
insert into compliance_rule_pack_generation (id, generation) values (1, 0);

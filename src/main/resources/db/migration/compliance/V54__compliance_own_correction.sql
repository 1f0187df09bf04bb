-- compliance module: a finding that closed because its own recorder corrected the recording's times or recorder
-- (Chapter 8: findings judged honestly) keeps who that was, and is listed for the discipline unit and the director
-- to review; its resolution stays FIXED.
alter table compliance_finding add column cleared_by_own_correction uuid;
create index compliance_finding_own_correction on compliance_finding (cleared_by_own_correction);

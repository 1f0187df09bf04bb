-- cases module: case numbers in their one spelling, 〔2026〕 rather than [2026] (ART-02); the application now
-- normalises every number it is given, and this brings the numbers stored before it to the same spelling. A number
-- whose normalised spelling is already taken by another case is left as it is, for the bureau to settle by hand.
update cases_case set case_number = replace(replace(case_number, '[', '〔'), ']', '〕')
where (case_number like '%[%' or case_number like '%]%')
  and not exists (select 1 from cases_case other
                  where other.case_number = replace(replace(cases_case.case_number, '[', '〔'), ']', '〕'));

-- Annexes as officials need them: besides a row per unit, an annex may have a row per value of a breakdown (the 14
-- groups, sex, age group, ethnicity, form of abuse) or per target of the plan the report is on. row_key names the row
-- ('' for a unit's row), row_label keeps what it was called when the report was filled, so an accepted report reads
-- the same after the plan or the labels change.
ALTER TABLE reporting.annex_figure ADD COLUMN row_key TEXT NOT NULL DEFAULT '';
ALTER TABLE reporting.annex_figure ADD COLUMN row_label TEXT;
ALTER TABLE reporting.annex_figure ADD COLUMN row_order INT NOT NULL DEFAULT 0;
ALTER TABLE reporting.annex_figure DROP CONSTRAINT annex_figure_pkey;
ALTER TABLE reporting.annex_figure DROP CONSTRAINT annex_figure_origin_check;
ALTER TABLE reporting.annex_figure ADD CONSTRAINT annex_figure_origin_check
  CHECK (origin IN ('COMPUTED', 'ENTERED', 'REPORTED', 'SUMMED', 'PLANNED', 'SUPPRESSED', 'MISSING'));
ALTER TABLE reporting.annex_figure ADD PRIMARY KEY (report_id, annex, row_key, indicator_code, unit_id);

-- the standing reports carry the breakdowns the circular asks for (Thông tư 13/2021: by sex, age group, ethnicity, the
-- groups of special circumstances, the form of abuse)
UPDATE reporting.standing_rule
SET annexes = '{CHILDREN,CHILDREN_BREAKDOWN,SPECIAL,SPECIAL_BY_GROUP,ABUSE,ABUSE_BREAKDOWN,SECTORS}'
WHERE annexes = '{CHILDREN,SPECIAL,ABUSE,SECTORS}';
UPDATE reporting.standing_rule
SET annexes = '{CHILDREN,CHILDREN_BREAKDOWN,SPECIAL,SPECIAL_BY_GROUP,ABUSE,ABUSE_BREAKDOWN}'
WHERE annexes = '{CHILDREN,SPECIAL,ABUSE}';

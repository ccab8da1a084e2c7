-- A figure of a report's annex may be a small count hidden from whoever drafted the report (an agency's focal point
-- sees counts of children below the threshold as "< 5"): stored as such, never as missing.
ALTER TABLE reporting.annex_figure DROP CONSTRAINT annex_figure_origin_check;
ALTER TABLE reporting.annex_figure ADD CONSTRAINT annex_figure_origin_check
  CHECK (origin IN ('COMPUTED', 'ENTERED', 'REPORTED', 'SUMMED', 'SUPPRESSED', 'MISSING'));

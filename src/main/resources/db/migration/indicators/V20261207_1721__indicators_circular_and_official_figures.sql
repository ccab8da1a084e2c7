-- Where an indicator stands in Thông tư 13/2021/TT-BLĐTBXH: its annex (I: the situation of children; II: child abuse
-- and the administrative handling of abuse), its group in the annex, and its name there. circular_code stays the code
-- as checked against the text, NULL while it is not (pages then say "chưa đối chiếu").
ALTER TABLE indicators.indicator
  ADD COLUMN circular_annex TEXT CHECK (circular_annex IN ('I', 'II')),
  ADD COLUMN circular_group TEXT,
  ADD COLUMN circular_name  TEXT;

-- An official figure of a computed indicator, entered from a document for a unit and a period the records do not cover
-- (Bình Long 2021: 15,988 children under 16 per Tờ trình 87/TTr-UBND). Shown instead of what the records give, as
-- such, with its document.
CREATE TABLE indicators.official_value (
  indicator_code TEXT NOT NULL REFERENCES indicators.indicator (code),
  unit_id        BIGINT NOT NULL REFERENCES geography.unit (id),
  period         TEXT NOT NULL,
  value          NUMERIC NOT NULL CHECK (value >= 0),
  document       TEXT NOT NULL,
  note           TEXT,
  province_code  TEXT,
  entered_by     TEXT NOT NULL,
  entered_at     TIMESTAMPTZ NOT NULL,
  version        INT NOT NULL DEFAULT 0,
  PRIMARY KEY (indicator_code, unit_id, period)
);
CREATE INDEX official_value_unit_idx ON indicators.official_value (unit_id, period);

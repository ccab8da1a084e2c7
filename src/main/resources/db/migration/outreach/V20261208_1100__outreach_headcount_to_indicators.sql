-- One headcount of officials (issue 18: Thọ Xuân target 5.1-a read 13/150 on the indicator and 13/130 on the outreach
-- figures, two headcounts entered in two places). The headcount is the figure offices enter for the indicator
-- OFFICIALS_HEADCOUNT, the denominator of OFFICIALS_TRAINED_PCMD_RATE; the ones entered on the outreach page move
-- there, unless the unit already entered that figure for the year (which a report may have used), and the outreach
-- copy goes. Nothing is dropped that could not be moved.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM outreach.official_headcount)
     AND NOT EXISTS (SELECT 1 FROM indicators.indicator WHERE code = 'OFFICIALS_HEADCOUNT') THEN
    RAISE EXCEPTION 'outreach.official_headcount holds figures but the indicator OFFICIALS_HEADCOUNT is missing';
  END IF;
END $$;

INSERT INTO indicators.entered_value (indicator_code, unit_id, period, period_end, value, note, province_code,
                                      entered_by, entered_at)
SELECT 'OFFICIALS_HEADCOUNT', h.unit_id, CAST(h.year AS text), make_date(h.year, 12, 31), h.officials,
       'Chuyển từ trang Kết quả truyền thông, tập huấn', h.province_code, h.recorded_by, h.recorded_at
FROM outreach.official_headcount h
ON CONFLICT (indicator_code, period, unit_id, dimension, dim_value) DO NOTHING;

INSERT INTO indicators.entered_value_change (indicator_code, unit_id, period, action, new_value, note, changed_by,
                                             changed_by_name, changed_at)
SELECT 'OFFICIALS_HEADCOUNT', h.unit_id, CAST(h.year AS text), 'ENTERED', h.officials,
       'Chuyển từ trang Kết quả truyền thông, tập huấn', h.recorded_by, 'outreach', h.recorded_at
FROM outreach.official_headcount h
WHERE EXISTS (SELECT 1 FROM indicators.entered_value e
              WHERE e.indicator_code = 'OFFICIALS_HEADCOUNT' AND e.unit_id = h.unit_id
                AND e.period = CAST(h.year AS text) AND e.dimension = '' AND e.value = h.officials
                AND e.note = 'Chuyển từ trang Kết quả truyền thông, tập huấn');

DROP TABLE outreach.official_headcount;

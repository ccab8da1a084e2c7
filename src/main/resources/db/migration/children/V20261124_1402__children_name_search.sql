-- Names folded once, when written (not on every search): the exact folded name answers most searches through a
-- b-tree; the trigram index answers the rest (typos, parts of a name).
ALTER TABLE children.child ADD COLUMN name_folded TEXT GENERATED ALWAYS AS (public.vn_fold(full_name)) STORED;
DROP INDEX children.child_name_trgm_idx;
DROP INDEX children.child_duplicate_idx;
CREATE INDEX child_name_folded_trgm_idx ON children.child USING gin (name_folded gin_trgm_ops);
CREATE INDEX child_name_folded_idx ON children.child (name_folded text_pattern_ops, birth_date, unit_id);

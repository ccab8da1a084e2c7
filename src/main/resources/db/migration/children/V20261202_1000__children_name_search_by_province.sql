-- Typo searches of a province read the trigram lists of its own children only. One trigram index over the whole
-- register made a province officer's typo search read the lists of the country's commonest names ("nguyen", "van")
-- and intersect them with the province's children: about 100 ms at a million children, growing with the country.
-- Here the folded names are kept a second time, in a narrow table partitioned by province code (the shard key the
-- architecture names), each partition with its own trigram index. The partitions are the 34 provinces of
-- QĐ 19/2025/QĐ-TTg; any other code (children still attached to a unit abolished in 2025, or a later reorganisation)
-- lands in the default partition, which is correct, only less narrow. See docs/decisions/0004.
CREATE TABLE children.child_name (
  province_code  TEXT NOT NULL,
  child_id       BIGINT NOT NULL,
  name_folded    TEXT NOT NULL,
  PRIMARY KEY (province_code, child_id)
) PARTITION BY LIST (province_code);
CREATE TABLE children.child_name_01 PARTITION OF children.child_name FOR VALUES IN ('01');
CREATE TABLE children.child_name_04 PARTITION OF children.child_name FOR VALUES IN ('04');
CREATE TABLE children.child_name_08 PARTITION OF children.child_name FOR VALUES IN ('08');
CREATE TABLE children.child_name_11 PARTITION OF children.child_name FOR VALUES IN ('11');
CREATE TABLE children.child_name_12 PARTITION OF children.child_name FOR VALUES IN ('12');
CREATE TABLE children.child_name_14 PARTITION OF children.child_name FOR VALUES IN ('14');
CREATE TABLE children.child_name_15 PARTITION OF children.child_name FOR VALUES IN ('15');
CREATE TABLE children.child_name_19 PARTITION OF children.child_name FOR VALUES IN ('19');
CREATE TABLE children.child_name_20 PARTITION OF children.child_name FOR VALUES IN ('20');
CREATE TABLE children.child_name_22 PARTITION OF children.child_name FOR VALUES IN ('22');
CREATE TABLE children.child_name_24 PARTITION OF children.child_name FOR VALUES IN ('24');
CREATE TABLE children.child_name_25 PARTITION OF children.child_name FOR VALUES IN ('25');
CREATE TABLE children.child_name_31 PARTITION OF children.child_name FOR VALUES IN ('31');
CREATE TABLE children.child_name_33 PARTITION OF children.child_name FOR VALUES IN ('33');
CREATE TABLE children.child_name_37 PARTITION OF children.child_name FOR VALUES IN ('37');
CREATE TABLE children.child_name_38 PARTITION OF children.child_name FOR VALUES IN ('38');
CREATE TABLE children.child_name_40 PARTITION OF children.child_name FOR VALUES IN ('40');
CREATE TABLE children.child_name_42 PARTITION OF children.child_name FOR VALUES IN ('42');
CREATE TABLE children.child_name_44 PARTITION OF children.child_name FOR VALUES IN ('44');
CREATE TABLE children.child_name_46 PARTITION OF children.child_name FOR VALUES IN ('46');
CREATE TABLE children.child_name_48 PARTITION OF children.child_name FOR VALUES IN ('48');
CREATE TABLE children.child_name_51 PARTITION OF children.child_name FOR VALUES IN ('51');
CREATE TABLE children.child_name_52 PARTITION OF children.child_name FOR VALUES IN ('52');
CREATE TABLE children.child_name_56 PARTITION OF children.child_name FOR VALUES IN ('56');
CREATE TABLE children.child_name_66 PARTITION OF children.child_name FOR VALUES IN ('66');
CREATE TABLE children.child_name_68 PARTITION OF children.child_name FOR VALUES IN ('68');
CREATE TABLE children.child_name_75 PARTITION OF children.child_name FOR VALUES IN ('75');
CREATE TABLE children.child_name_79 PARTITION OF children.child_name FOR VALUES IN ('79');
CREATE TABLE children.child_name_80 PARTITION OF children.child_name FOR VALUES IN ('80');
CREATE TABLE children.child_name_82 PARTITION OF children.child_name FOR VALUES IN ('82');
CREATE TABLE children.child_name_86 PARTITION OF children.child_name FOR VALUES IN ('86');
CREATE TABLE children.child_name_91 PARTITION OF children.child_name FOR VALUES IN ('91');
CREATE TABLE children.child_name_92 PARTITION OF children.child_name FOR VALUES IN ('92');
CREATE TABLE children.child_name_96 PARTITION OF children.child_name FOR VALUES IN ('96');
CREATE TABLE children.child_name_other PARTITION OF children.child_name DEFAULT;

INSERT INTO children.child_name (province_code, child_id, name_folded)
SELECT province_code, id, name_folded FROM children.child;
CREATE INDEX child_name_trgm_idx ON children.child_name USING gin (name_folded gin_trgm_ops);
-- every trigram search goes through the partitions now; exact names keep their b-tree on children.child
DROP INDEX children.child_name_folded_trgm_idx;

-- Kept in step by triggers, so that every path that writes the register (a form, a move, the lineage, the COPY of an
-- import or of the generator, a test's own INSERT) updates the names in the same transaction. Inserts are handled per
-- statement, from the rows the statement inserted: one INSERT ... SELECT for a COPY of 100,000 children instead of
-- 100,000 trigger calls.
CREATE FUNCTION children.child_names_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO children.child_name (province_code, child_id, name_folded)
  SELECT province_code, id, name_folded FROM inserted_children;
  RETURN NULL;
END
$$;
CREATE TRIGGER child_names_inserted AFTER INSERT ON children.child
  REFERENCING NEW TABLE AS inserted_children FOR EACH STATEMENT EXECUTE FUNCTION children.child_names_inserted();

-- A corrected name, or a move to another province (the row goes to that province's partition), one child at a time.
CREATE FUNCTION children.child_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM children.child_name WHERE province_code = OLD.province_code AND child_id = OLD.id;
  ELSE
    UPDATE children.child_name SET province_code = NEW.province_code, name_folded = NEW.name_folded
    WHERE province_code = OLD.province_code AND child_id = OLD.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER child_name_changed AFTER UPDATE OF full_name, province_code ON children.child
  FOR EACH ROW WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded OR OLD.province_code IS DISTINCT FROM NEW.province_code)
  EXECUTE FUNCTION children.child_name_changed();
CREATE TRIGGER child_name_deleted AFTER DELETE ON children.child
  FOR EACH ROW EXECUTE FUNCTION children.child_name_changed();

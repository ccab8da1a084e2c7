-- The villages a village collaborator (cộng tác viên thôn, bản) works in: they see only the children of these villages,
-- and only what registration needs. Villages belong to the child register; they are named here by id only.
CREATE TABLE identity.user_village (
  user_id     BIGINT NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
  village_id  BIGINT NOT NULL,
  PRIMARY KEY (user_id, village_id)
);

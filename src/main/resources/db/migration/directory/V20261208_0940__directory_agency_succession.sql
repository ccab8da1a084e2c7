-- How an agency's duties passed to the one that replaced it (replaced_by_id): which duties, and by which legal texts.
-- The successor takes them over the day after the agency ends (valid_to). In 2025 child affairs passed twice: from the
-- labour offices to health on 01/03/2025 (Nghị định 42/2025/NĐ-CP and 45/2025/NĐ-CP, and each province's decisions), and
-- from the bodies of the former tree to those of the tree formed on 01/07/2025.
ALTER TABLE directory.agency
  ADD COLUMN duties_transferred TEXT,
  ADD COLUMN transfer_basis     TEXT,
  ADD CONSTRAINT agency_not_its_own_successor CHECK (replaced_by_id IS NULL OR replaced_by_id <> id);

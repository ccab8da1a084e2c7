-- Every free-text field of the register has a limit (issue 16, item 13), the same as ChildRules checks with a clear
-- message, held here too so that no path (a form, the API, an import's COPY) stores a 300,000-character note.
-- A name as officials write it, a village, an address or a school on one line, a note of a few paragraphs; the evidence
-- of a group and the note of a support name a document and say a line about it.
ALTER TABLE children.child
  ADD CONSTRAINT child_full_name_length CHECK (char_length(full_name) <= 120),
  ADD CONSTRAINT child_given_name_length CHECK (char_length(given_name) <= 120),
  ADD CONSTRAINT child_family_name_length CHECK (char_length(family_name) <= 120),
  ADD CONSTRAINT child_address_length CHECK (char_length(address) <= 200),
  ADD CONSTRAINT child_school_name_length CHECK (char_length(school_name) <= 200),
  ADD CONSTRAINT child_disability_length CHECK (char_length(disability) <= 200),
  ADD CONSTRAINT child_notes_length CHECK (char_length(notes) <= 2000);

ALTER TABLE children.village
  ADD CONSTRAINT village_name_length CHECK (char_length(name) <= 100);

ALTER TABLE children.household
  ADD CONSTRAINT household_address_length CHECK (char_length(address) <= 200),
  ADD CONSTRAINT household_phone_length CHECK (char_length(phone) <= 20);

ALTER TABLE children.caregiver
  ADD CONSTRAINT caregiver_full_name_length CHECK (char_length(full_name) <= 120),
  ADD CONSTRAINT caregiver_relationship_length CHECK (char_length(relationship) <= 50),
  ADD CONSTRAINT caregiver_phone_length CHECK (char_length(phone) <= 20);

ALTER TABLE children.circumstance
  ADD CONSTRAINT circumstance_evidence_length CHECK (char_length(evidence) <= 500);

ALTER TABLE children.support
  ADD CONSTRAINT support_note_length CHECK (char_length(note) <= 500);

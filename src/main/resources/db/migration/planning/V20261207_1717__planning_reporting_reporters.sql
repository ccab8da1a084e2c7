-- The bodies a reporting entry's reporter stands for: a plan names its reporters as a phrase ("Trưởng các phòng, ngành:
-- Văn hóa - Thông tin, Y tế, Giáo dục và Đào tạo; Công an huyện; UBND các xã, thị trấn"), and each of the bodies the
-- phrase lists owes the report. Empty: the reporter itself (expanded when it is a group of People's Committees).
ALTER TABLE planning.reporting_rule ADD COLUMN reporter_agency_ids BIGINT[] NOT NULL DEFAULT '{}';

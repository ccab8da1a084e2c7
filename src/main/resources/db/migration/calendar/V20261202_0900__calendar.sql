CREATE SCHEMA calendar;

-- The version of each year's calendar, raised by every administrator's change of that year. Application instances
-- compare it with the year they hold in memory (see WorkingCalendar) and reload the year when it changed.
CREATE TABLE calendar.calendar_year (
  year       INT PRIMARY KEY CHECK (year BETWEEN 2014 AND 2199),
  version    INT NOT NULL DEFAULT 0,
  changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A day an administrator set on the national calendar, over the defaults computed from the Labour Code: a day off
-- (a swapped day, a holiday the law added) or a working day (a weekend day worked in exchange, a corrected default).
CREATE TABLE calendar.day_override (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day        DATE NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('DAY_OFF', 'WORKING_DAY')),
  name       TEXT NOT NULL,
  name_en    TEXT,
  source     TEXT NOT NULL,
  created_by TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  version    INT NOT NULL DEFAULT 0
);

-- The government's days for 2025 and 2026 where they differ from the computed defaults, from the Government Office's
-- letters conveying the Prime Minister's decisions as the press reported them. Where the announced days equal the
-- defaults (Tết Âm lịch 2026: 16-20/02 with the weekends 14-15 and 21-22/02; Quốc khánh 2025: 01-02/09; Giỗ Tổ 2026
-- on Sunday 26/04 with Monday 27/04 in lieu) nothing is stored.
INSERT INTO calendar.day_override (day, kind, name, name_en, source, created_by) VALUES
  -- Tết Ất Tỵ: nine days off, 25/01 (26 tháng Chạp) to 02/02/2025 (mùng 5), the five Tết days on the weekdays 27-31/01,
  -- so Monday 03/02, the computed day in lieu of Saturday 01/02, is worked.
  (DATE '2025-01-27', 'DAY_OFF', 'Tết Âm lịch (28 tháng Chạp)', 'Lunar New Year (28th day of the 12th lunar month)',
   'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch và các dịp lễ năm 2025)', 'migration'),
  (DATE '2025-02-03', 'WORKING_DAY', 'Làm việc: Tết Âm lịch đã nghỉ từ 25/01 đến 02/02/2025',
   'Working day: the Tết break ran from 25/01 to 02/02/2025',
   'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch và các dịp lễ năm 2025)', 'migration'),
  -- 30/4 - 1/5/2025: Friday 02/05 off, worked on Saturday 26/04.
  (DATE '2025-05-02', 'DAY_OFF', 'Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 26/04/2025)',
   'Swapped day off for 30 April - 1 May (worked on Saturday 26/04/2025)',
   'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch và các dịp lễ năm 2025)', 'migration'),
  (DATE '2025-04-26', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/05/2025', 'Make-up working day for Friday 02/05/2025',
   'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch và các dịp lễ năm 2025)', 'migration'),
  -- Tết Dương lịch 2026: 01/01 to 04/01, Friday 02/01 off, worked on Saturday 10/01.
  (DATE '2026-01-02', 'DAY_OFF', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
   'Swapped day off for New Year (worked on Saturday 10/01/2026)',
   'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (ý kiến Phó Thủ tướng Phạm Thị Thanh Trà về nghỉ Tết Dương lịch 2026)', 'migration'),
  (DATE '2026-01-10', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/01/2026', 'Make-up working day for Friday 02/01/2026',
   'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (ý kiến Phó Thủ tướng Phạm Thị Thanh Trà về nghỉ Tết Dương lịch 2026)', 'migration'),
  -- Quốc khánh 2026: 29/08 to 02/09, Monday 31/08 off, worked on Saturday 22/08.
  (DATE '2026-08-31', 'DAY_OFF', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)',
   'Swapped day off for National Day (worked on Saturday 22/08/2026)',
   'Văn bản của Văn phòng Chính phủ tháng 10/2025 truyền đạt ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch, Quốc khánh năm 2026', 'migration'),
  (DATE '2026-08-22', 'WORKING_DAY', 'Làm bù cho thứ Hai 31/08/2026', 'Make-up working day for Monday 31/08/2026',
   'Văn bản của Văn phòng Chính phủ tháng 10/2025 truyền đạt ý kiến Thủ tướng Chính phủ về nghỉ Tết Âm lịch, Quốc khánh năm 2026', 'migration');

INSERT INTO calendar.calendar_year (year, version) VALUES (2025, 1), (2026, 1);

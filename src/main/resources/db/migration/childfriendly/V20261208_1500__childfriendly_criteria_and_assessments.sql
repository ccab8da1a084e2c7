CREATE SCHEMA childfriendly;

-- A set of criteria for child-friendly communes as a decision of the Prime Minister sets them (QĐ 06/QĐ-TTg of
-- 03/01/2019 today; QĐ 34/2014/QĐ-TTg before it). A commune's assessment of a year uses the set in force on the year's
-- last day, so that a later decision changes neither the assessments nor the figures of earlier years.
CREATE TABLE childfriendly.criteria_set (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision     TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  issued_on    DATE NOT NULL,
  applies_from DATE NOT NULL,
  applies_to   DATE,
  source_note  TEXT,
  CHECK (applies_to IS NULL OR applies_from <= applies_to)
);

-- The total a commune must reach, by its kind (QĐ 06/QĐ-TTg: 900 for the wards of centrally-run cities, 800 for
-- mountain, island and extremely disadvantaged communes, 850 for the others).
CREATE TABLE childfriendly.threshold (
  set_id    BIGINT NOT NULL REFERENCES childfriendly.criteria_set (id),
  category  TEXT NOT NULL CHECK (category IN ('CENTRAL_CITY_WARD', 'MOUNTAIN_ISLAND_DISADVANTAGED', 'OTHER')),
  min_total INT NOT NULL CHECK (min_total > 0),
  PRIMARY KEY (set_id, category)
);

-- A criterion (tiêu chí) and its most points. confirmed = false where the points could not be checked against the
-- decision's annex: shown as such, and an administrator corrects them (decision 0014).
CREATE TABLE childfriendly.criterion (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  set_id     BIGINT NOT NULL REFERENCES childfriendly.criteria_set (id),
  number     INT NOT NULL CHECK (number > 0),
  name       TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  max_points INT NOT NULL CHECK (max_points > 0),
  confirmed  BOOLEAN NOT NULL,
  note       TEXT,
  changed_by TEXT,
  changed_at TIMESTAMPTZ,
  version    INT NOT NULL DEFAULT 0,
  UNIQUE (set_id, number)
);

-- What a criterion is scored on (the "hoạt động và cách tính thang điểm" of the annex). An item may name the
-- indicators whose figures are its evidence, and the figure at which it earns its full points (a rate at least
-- full_points_at, or a count at most it); below that the assessor scores it.
CREATE TABLE childfriendly.criterion_item (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  criterion_id     BIGINT NOT NULL REFERENCES childfriendly.criterion (id),
  code             TEXT NOT NULL,
  position         INT NOT NULL,
  text             TEXT NOT NULL,
  text_en          TEXT NOT NULL,
  max_points       INT NOT NULL CHECK (max_points > 0),
  indicator_codes  TEXT[] NOT NULL DEFAULT '{}',
  full_points_at   NUMERIC,
  full_points_when TEXT CHECK (full_points_when IN ('AT_LEAST', 'AT_MOST')),
  confirmed        BOOLEAN NOT NULL,
  note             TEXT,
  changed_by       TEXT,
  changed_at       TIMESTAMPTZ,
  version          INT NOT NULL DEFAULT 0,
  UNIQUE (criterion_id, code),
  CHECK ((full_points_at IS NULL) = (full_points_when IS NULL))
);

-- A commune's assessment of a year: the self-assessment, the review by the level above and the recognition decision.
-- It belongs to the commune that existed on the year's last day: the communes merged in 2025 keep their assessments
-- of 2024 and before; a commune formed on 01/07/2025 starts with its own assessment of 2025.
CREATE TABLE childfriendly.assessment (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code   TEXT NOT NULL,
  year            INT NOT NULL CHECK (year BETWEEN 2019 AND 2100),
  set_id          BIGINT NOT NULL REFERENCES childfriendly.criteria_set (id),
  category        TEXT NOT NULL CHECK (category IN ('CENTRAL_CITY_WARD', 'MOUNTAIN_ISLAND_DISADVANTAGED', 'OTHER')),
  status          TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'RECOGNISED',
                                                  'NOT_RECOGNISED')),
  self_total      INT NOT NULL DEFAULT 0,
  reviewed_total  INT,
  review_comment  TEXT,
  decision_number TEXT,
  decision_date   DATE,
  decision_signer TEXT,
  decision_reason TEXT,
  created_by      BIGINT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         INT NOT NULL DEFAULT 0,
  UNIQUE (unit_id, year),
  CHECK (status NOT IN ('RECOGNISED', 'NOT_RECOGNISED') OR (decision_number IS NOT NULL AND decision_date IS NOT NULL))
);
CREATE INDEX assessment_year_idx ON childfriendly.assessment (year, status);
CREATE INDEX assessment_province_idx ON childfriendly.assessment (province_code, year);

-- The score of each item: the commune's own, and the reviewer's. max_points is the item's most points when the
-- assessment was started, so that a later correction of the criteria does not rescore a decided assessment. figures
-- keeps the system's figures as they were when the commune last saved its scores, with their source.
CREATE TABLE childfriendly.assessment_item (
  assessment_id   BIGINT NOT NULL REFERENCES childfriendly.assessment (id) ON DELETE CASCADE,
  item_id         BIGINT NOT NULL REFERENCES childfriendly.criterion_item (id),
  max_points      INT NOT NULL,
  self_points     INT CHECK (self_points >= 0 AND self_points <= max_points),
  evidence        TEXT,
  figures         JSONB,
  reviewed_points INT CHECK (reviewed_points >= 0 AND reviewed_points <= max_points),
  review_note     TEXT,
  PRIMARY KEY (assessment_id, item_id)
);

CREATE TABLE childfriendly.evidence_file (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assessment_id BIGINT NOT NULL REFERENCES childfriendly.assessment (id) ON DELETE CASCADE,
  item_id       BIGINT REFERENCES childfriendly.criterion_item (id),
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  content       BYTEA NOT NULL,
  uploaded_by   BIGINT NOT NULL,
  uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX evidence_file_assessment_idx ON childfriendly.evidence_file (assessment_id);

-- Who did what to an assessment, and when.
CREATE TABLE childfriendly.assessment_step (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assessment_id BIGINT NOT NULL REFERENCES childfriendly.assessment (id) ON DELETE CASCADE,
  action        TEXT NOT NULL,
  comment       TEXT,
  by_user       BIGINT NOT NULL,
  by_name       TEXT NOT NULL,
  at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX assessment_step_idx ON childfriendly.assessment_step (assessment_id, at);

-- QĐ 06/QĐ-TTg of 03/01/2019 (in force from the day it was signed). Confirmed from published summaries of the
-- decision: the thirteen criteria, the three totals, criterion 1 (100 points: 50, 15 and 15 for its first three items),
-- criterion 6 (125 points: 50 for 95 % or more of the children in special circumstances assisted, 75 for every case
-- of sexual abuse, abandonment or trafficking with an intervention plan approved in time) and criterion 7 (50 points
-- at 98 % or more fully vaccinated). Not confirmed (confirmed = false): the rest of criterion 1 and the most points of
-- the other ten criteria, assumed so that the thirteen add up to 1,000 (the totals of 800-900 are out of 1,000).
INSERT INTO childfriendly.criteria_set (decision, title, issued_on, applies_from, source_note)
VALUES ('06/QĐ-TTg', 'Quy định về tiêu chuẩn, trình tự đánh giá và công nhận xã, phường, thị trấn phù hợp với trẻ em',
        DATE '2019-01-03', DATE '2019-01-03',
        'Tên 13 tiêu chí, ngưỡng điểm công nhận và điểm của tiêu chí 1, 6, 7 đối chiếu với bản tóm tắt đã công bố của Quyết định; điểm tối đa các tiêu chí còn lại là giả định (tổng 1.000 điểm), chờ đối chiếu phụ lục.');

INSERT INTO childfriendly.threshold (set_id, category, min_total)
SELECT id, c.category, c.min_total FROM childfriendly.criteria_set,
       (VALUES ('CENTRAL_CITY_WARD', 900), ('MOUNTAIN_ISLAND_DISADVANTAGED', 800), ('OTHER', 850)) AS c (category, min_total)
WHERE decision = '06/QĐ-TTg';

INSERT INTO childfriendly.criterion (set_id, number, name, name_en, max_points, confirmed, note)
SELECT s.id, c.number, c.name, c.name_en, c.max_points, c.confirmed, c.note
FROM childfriendly.criteria_set s,
     (VALUES
       (1, 'Nguồn lực thực hiện quyền trẻ em', 'Resources for children''s rights', 100, true, NULL),
       (2, 'Trẻ em được khai sinh đúng quy định', 'Children registered at birth as the law requires', 50, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (3, 'Trẻ em bị xâm hại', 'Abused children', 150, false, 'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (4, 'Trẻ em vi phạm pháp luật, nghiện ma túy', 'Children in conflict with the law or using drugs', 50, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (5, 'Trẻ em bị tai nạn, thương tích', 'Child injuries', 50, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (6, 'Trẻ em có hoàn cảnh đặc biệt được trợ giúp', 'Children in special circumstances assisted', 125, true, NULL),
       (7, 'Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin thuộc chương trình tiêm chủng mở rộng',
        'Children under 1 fully vaccinated under the expanded programme', 50, true, NULL),
       (8, 'Trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân và thể thấp còi',
        'Children under 5 underweight or stunted', 50, false, 'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (9, 'Trẻ em được khám sức khỏe định kỳ', 'Children given regular health checks', 50, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (10, 'Trẻ em đến trường, lớp mầm non', 'Children attending pre-school', 50, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (11, 'Trẻ em được thực hiện quyền tham gia của trẻ em', 'Children exercising their right to participate', 100,
        false, 'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (12, 'Hoạt động vui chơi, giải trí, văn hóa, thể dục, thể thao dành cho trẻ em',
        'Play, recreation, culture and sport for children', 100, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.'),
       (13, 'Mức độ hài lòng của trẻ em và người dân về việc thực hiện quyền trẻ em',
        'Satisfaction of children and residents with how children''s rights are fulfilled', 75, false,
        'Điểm tối đa giả định, chưa đối chiếu phụ lục Quyết định.')
     ) AS c (number, name, name_en, max_points, confirmed, note)
WHERE s.decision = '06/QĐ-TTg';

-- Items: those confirmed for criteria 1, 6 and 7; for the others one item, the criterion as a whole, until its
-- sub-items are checked against the annex.
INSERT INTO childfriendly.criterion_item (criterion_id, code, position, text, text_en, max_points, indicator_codes,
       full_points_at, full_points_when, confirmed, note)
SELECT c.id, i.code, i.position, i.text, i.text_en, i.max_points, i.indicators, i.full_at, i.full_when, i.confirmed, i.note
FROM childfriendly.criterion c JOIN childfriendly.criteria_set s ON s.id = c.set_id AND s.decision = '06/QĐ-TTg',
     (VALUES
       (1, '1.1', 1, 'Có bố trí người làm công tác bảo vệ trẻ em cấp xã', 'A commune child-protection worker', 50,
        '{}'::text[], NULL::numeric, NULL, true, NULL),
       (1, '1.2', 2, 'Có bố trí cộng tác viên bảo vệ trẻ em tại thôn, làng, ấp, bản, tổ dân phố, khu phố',
        'Child-protection collaborators in the villages and residential groups', 15, '{}', NULL, NULL, true, NULL),
       (1, '1.3', 3, 'Có ban bảo vệ trẻ em hoặc nhóm chuyên trách bảo vệ trẻ em cấp xã thực hiện tốt chế độ giao ban, đánh giá định kỳ hằng tháng, quý, năm',
        'A commune child-protection board or team meeting and reviewing monthly, quarterly and yearly', 15, '{}', NULL,
        NULL, true, NULL),
       (1, '1.4', 4, 'Có kinh phí (ngân sách và nguồn huy động) cho công tác trẻ em',
        'Funds (budget and mobilised) for work with children', 20, '{}', NULL, NULL, false,
        'Nội dung và điểm giả định: phần còn lại của 100 điểm tiêu chí 1, chưa đối chiếu phụ lục.'),
       (2, '2', 1, 'Trẻ em được khai sinh đúng quy định (đánh giá chung tiêu chí)',
        'Children registered at birth as the law requires (the criterion as a whole)', 50,
        '{BIRTH_REGISTRATION_RATE_U5}', NULL, NULL, false, 'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (3, '3', 1, 'Trẻ em bị xâm hại (đánh giá chung tiêu chí)', 'Abused children (the criterion as a whole)', 150,
        '{ABUSED_CHILDREN,ABUSED_CHILDREN_ASSISTED}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (4, '4', 1, 'Trẻ em vi phạm pháp luật, nghiện ma túy (đánh giá chung tiêu chí)',
        'Children in conflict with the law or using drugs (the criterion as a whole)', 50, '{}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (5, '5', 1, 'Trẻ em bị tai nạn, thương tích (đánh giá chung tiêu chí)', 'Child injuries (the criterion as a whole)',
        50, '{CHILDREN_INJURED,CHILDREN_INJURY_DEATHS}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (6, '6.1', 1, 'Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp đạt từ 95% trở lên',
        'At least 95% of the children in special circumstances assisted', 50, '{CHILDREN_SPECIAL_ASSISTED_RATE}', 95,
        'AT_LEAST', true, 'Dưới 95%: thang điểm chưa đối chiếu, người đánh giá chấm.'),
       (6, '6.2', 2, 'Tỷ lệ vụ việc trẻ em bị xâm hại tình dục, bỏ rơi, mua bán được Chủ tịch UBND cấp xã phê duyệt kế hoạch hỗ trợ, can thiệp kịp thời đạt 100%',
        'Every case of sexual abuse, abandonment or trafficking with an intervention plan approved in time by the commune chairman',
        75, '{CASES_PLAN_ON_TIME_RATE}', 100, 'AT_LEAST', true,
        'Số liệu hệ thống tính trên mọi hồ sơ có kế hoạch, không riêng xâm hại tình dục, bỏ rơi, mua bán: người đánh giá đối chiếu.'),
       (7, '7', 1, 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt từ 98% trở lên',
        'At least 98% of the children under 1 fully vaccinated', 50, '{FULL_VACCINATION_U1}', 98, 'AT_LEAST', true,
        'Dưới 98%: thang điểm chưa đối chiếu, người đánh giá chấm.'),
       (8, '8', 1, 'Trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân và thể thấp còi (đánh giá chung tiêu chí)',
        'Children under 5 underweight or stunted (the criterion as a whole)', 50, '{UNDERWEIGHT_U5,STUNTING_U5}', NULL,
        NULL, false, 'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (9, '9', 1, 'Trẻ em được khám sức khỏe định kỳ (đánh giá chung tiêu chí)',
        'Children given regular health checks (the criterion as a whole)', 50, '{}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (10, '10', 1, 'Trẻ em đến trường, lớp mầm non (đánh giá chung tiêu chí)',
        'Children attending pre-school (the criterion as a whole)', 50, '{PRESCHOOL_5Y_RATE}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (11, '11', 1, 'Trẻ em được thực hiện quyền tham gia của trẻ em (đánh giá chung tiêu chí)',
        'Children exercising their right to participate (the criterion as a whole)', 100,
        '{CHILDREN_CONSULTED_7_PLUS_RATE,OPINIONS_ANSWERED_RATE}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (12, '12', 1, 'Hoạt động vui chơi, giải trí, văn hóa, thể dục, thể thao dành cho trẻ em (đánh giá chung tiêu chí)',
        'Play, recreation, culture and sport for children (the criterion as a whole)', 100, '{COMMUNES_WITH_PLAY_POINT}',
        NULL, NULL, false, 'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.'),
       (13, '13', 1, 'Mức độ hài lòng của trẻ em và người dân về việc thực hiện quyền trẻ em (đánh giá chung tiêu chí)',
        'Satisfaction of children and residents (the criterion as a whole)', 75, '{}', NULL, NULL, false,
        'Các nội dung chấm điểm của tiêu chí chưa đối chiếu phụ lục.')
     ) AS i (number, code, position, text, text_en, max_points, indicators, full_at, full_when, confirmed, note)
WHERE c.number = i.number;

CREATE SCHEMA prostitution;

-- A business prone to prostitution (Pháp lệnh 10/2003, Nghị định 178/2004): hotels, guesthouses, karaoke, massage...
-- Rows carry their unit and province code: every query filters by the caller's jurisdiction, and Citus can shard by
-- province.
CREATE TABLE prostitution.establishment (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('HOTEL', 'GUESTHOUSE', 'RESTAURANT', 'DANCE_HALL', 'KARAOKE',
                                                  'MASSAGE_SAUNA', 'OTHER')),
  name               TEXT NOT NULL,
  address            TEXT,
  unit_id            BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code      TEXT,
  owner_name         TEXT,
  licence_number     TEXT,
  registered_workers INT CHECK (registered_workers IS NULL OR registered_workers >= 0),
  status             TEXT NOT NULL CHECK (status IN ('OPEN', 'SUSPENDED', 'CLOSED')),
  opened_on          DATE,
  closed_on          DATE,
  risk_notes         TEXT,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  version            INT NOT NULL DEFAULT 0,
  CHECK (closed_on IS NULL OR opened_on IS NULL OR opened_on <= closed_on)
);
CREATE INDEX establishment_unit_idx ON prostitution.establishment (unit_id, type);
CREATE INDEX establishment_province_idx ON prostitution.establishment (province_code);
CREATE INDEX establishment_name_trgm_idx ON prostitution.establishment USING gin (public.vn_fold(name) gin_trgm_ops);

-- The sanctions decree in force is data: a decree applies to acts on the days of its validity (both ends inclusive).
CREATE TABLE prostitution.sanctions_decree (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number     TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  valid_from DATE NOT NULL,
  valid_to   DATE,
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  CONSTRAINT decree_once_per_date EXCLUDE USING gist (daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE prostitution.decree_article (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decree_id     BIGINT NOT NULL REFERENCES prostitution.sanctions_decree (id),
  article       TEXT NOT NULL,
  title         TEXT NOT NULL,
  title_en      TEXT,
  fine_min_vnd  BIGINT,
  fine_max_vnd  BIGINT,
  UNIQUE (decree_id, article),
  CHECK (fine_min_vnd IS NULL OR fine_max_vnd IS NULL OR fine_min_vnd <= fine_max_vnd)
);

-- A starting set, to be checked by an administrator against the official gazette: the articles on prostitution of each
-- decree. Fine ranges are given only where they are known for the basic act of the article (individuals).
INSERT INTO prostitution.sanctions_decree (number, title, valid_from, valid_to) VALUES
  ('144/2021/NĐ-CP', 'Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, an toàn xã hội; phòng, chống tệ nạn xã hội; phòng cháy, chữa cháy; cứu nạn, cứu hộ; phòng, chống bạo lực gia đình',
   DATE '2022-01-01', DATE '2025-12-14'),
  ('282/2025/NĐ-CP', 'Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, an toàn xã hội; phòng, chống tệ nạn xã hội; phòng, chống bạo lực gia đình',
   DATE '2025-12-15', NULL);

INSERT INTO prostitution.decree_article (decree_id, article, title, title_en, fine_min_vnd, fine_max_vnd)
SELECT d.id, a.article, a.title, a.title_en, a.fine_min, a.fine_max
FROM prostitution.sanctions_decree d
JOIN (VALUES
  ('144/2021/NĐ-CP', 'Điều 24', 'Hành vi mua dâm', 'Buying sex', 1000000, 2000000),
  ('144/2021/NĐ-CP', 'Điều 25', 'Hành vi bán dâm', 'Selling sex', 200000, 500000),
  ('144/2021/NĐ-CP', 'Điều 26', 'Hành vi khác liên quan đến hoạt động mại dâm', 'Other acts related to prostitution', NULL, NULL),
  ('144/2021/NĐ-CP', 'Điều 27', 'Hành vi lợi dụng kinh doanh dịch vụ để hoạt động mại dâm', 'Using a business to conduct prostitution', NULL, NULL),
  ('282/2025/NĐ-CP', 'Điều 32', 'Hành vi mua dâm', 'Buying sex', 1000000, 2000000),
  ('282/2025/NĐ-CP', 'Điều 33', 'Hành vi bán dâm', 'Selling sex', NULL, NULL),
  ('282/2025/NĐ-CP', 'Điều 34', 'Hành vi khác liên quan đến hoạt động mại dâm', 'Other acts related to prostitution', NULL, NULL),
  ('282/2025/NĐ-CP', 'Điều 35', 'Hành vi lợi dụng kinh doanh dịch vụ để hoạt động mại dâm', 'Using a business to conduct prostitution', NULL, NULL)
) AS a (decree, article, title, title_en, fine_min, fine_max) ON a.decree = d.number;

-- An interagency inspection team ("đoàn 178") set up by a decision of a unit's People's Committee.
CREATE TABLE prostitution.inspection_team (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            TEXT NOT NULL,
  decision_number TEXT NOT NULL,
  decision_date   DATE NOT NULL,
  unit_id         BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code   TEXT,
  version         INT NOT NULL DEFAULT 0
);
CREATE INDEX inspection_team_unit_idx ON prostitution.inspection_team (unit_id);

CREATE TABLE prostitution.team_member (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id     BIGINT NOT NULL REFERENCES prostitution.inspection_team (id) ON DELETE CASCADE,
  person_name TEXT NOT NULL,
  agency_id   BIGINT NOT NULL REFERENCES directory.agency (id),
  role        TEXT NOT NULL CHECK (role IN ('HEAD', 'DEPUTY', 'MEMBER', 'SECRETARY'))
);
CREATE INDEX team_member_team_idx ON prostitution.team_member (team_id);

-- An inspection keeps the unit of the establishment at the time it was recorded, so the jurisdiction filter and the
-- yearly figures need no join.
CREATE TABLE prostitution.inspection (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  establishment_id BIGINT NOT NULL REFERENCES prostitution.establishment (id),
  team_id          BIGINT NOT NULL REFERENCES prostitution.inspection_team (id),
  inspected_on     DATE NOT NULL,
  findings         TEXT,
  decree_id        BIGINT REFERENCES prostitution.sanctions_decree (id),
  unit_id          BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code    TEXT,
  recorded_by      TEXT,
  recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version          INT NOT NULL DEFAULT 0
);
CREATE INDEX inspection_unit_date_idx ON prostitution.inspection (unit_id, inspected_on);
CREATE INDEX inspection_establishment_idx ON prostitution.inspection (establishment_id, inspected_on DESC);
CREATE INDEX inspection_team_idx ON prostitution.inspection (team_id);

CREATE TABLE prostitution.violation (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id BIGINT NOT NULL REFERENCES prostitution.inspection (id) ON DELETE CASCADE,
  article_id    BIGINT NOT NULL REFERENCES prostitution.decree_article (id),
  clause        TEXT,
  description   TEXT NOT NULL,
  sanction      TEXT NOT NULL CHECK (sanction IN ('WARNING', 'FINE', 'LICENCE_SUSPENSION', 'EXHIBIT_CONFISCATION',
                                                  'ACTIVITY_SUSPENSION', 'REFERRED_FOR_PROSECUTION')),
  fine_vnd      BIGINT NOT NULL DEFAULT 0 CHECK (fine_vnd >= 0)
);
CREATE INDEX violation_inspection_idx ON prostitution.violation (inspection_id);

CREATE TABLE prostitution.follow_up (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id BIGINT NOT NULL REFERENCES prostitution.inspection (id) ON DELETE CASCADE,
  action        TEXT NOT NULL,
  due_on        DATE NOT NULL,
  done_on       DATE
);
CREATE INDEX follow_up_inspection_idx ON prostitution.follow_up (inspection_id);
CREATE INDEX follow_up_open_idx ON prostitution.follow_up (due_on) WHERE done_on IS NULL;

-- A tip-off ("tin báo, tố giác, phản ánh"). Its current step and the deadline of the next step sit on the row so the
-- overdue list is one indexed query; every step taken is kept in tip_off_step with its date and its responsible user.
-- The informant is deliberately not recorded: the law protects them.
CREATE TABLE prostitution.tip_off (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel          TEXT NOT NULL CHECK (channel IN ('PHONE', 'IN_PERSON', 'LETTER', 'EMAIL', 'ONLINE', 'HOTLINE',
                                                    'MEDIA', 'FORWARDED', 'OTHER')),
  kind             TEXT NOT NULL CHECK (kind IN ('TIP', 'DENUNCIATION', 'COMPLAINT')),
  received_at      TIMESTAMPTZ NOT NULL,
  content          TEXT NOT NULL,
  unit_id          BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code    TEXT,
  establishment_id BIGINT REFERENCES prostitution.establishment (id),
  step             TEXT NOT NULL CHECK (step IN ('RECEIVED', 'VERIFIED', 'CLASSIFIED', 'HANDLED', 'CLOSED_UNFOUNDED')),
  classification   TEXT CHECK (classification IN ('ADMINISTRATIVE', 'CRIMINAL', 'OTHER_AUTHORITY')),
  due_at           TIMESTAMPTZ,
  version          INT NOT NULL DEFAULT 0
);
CREATE INDEX tip_off_unit_received_idx ON prostitution.tip_off (unit_id, received_at DESC);
CREATE INDEX tip_off_due_idx ON prostitution.tip_off (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE prostitution.tip_off_step (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_off_id       BIGINT NOT NULL REFERENCES prostitution.tip_off (id) ON DELETE CASCADE,
  step             TEXT NOT NULL,
  taken_at         TIMESTAMPTZ NOT NULL,
  responsible_id   BIGINT,
  responsible_name TEXT NOT NULL,
  note             TEXT,
  UNIQUE (tip_off_id, step)
);

-- A person who sells sex and uses social services, recorded pseudonymously: a generated code, a year of birth, a sex
-- and a commune; never a name. Needs and services use the same catalogue of service kinds.
CREATE TABLE prostitution.support_record (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  birth_year           INT CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  sex                  TEXT NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
  unit_id              BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code        TEXT,
  consent_on           DATE NOT NULL,
  needs                TEXT[] NOT NULL DEFAULT '{}',
  reintegration_status TEXT NOT NULL CHECK (reintegration_status IN ('NOT_STARTED', 'IN_PROGRESS', 'REINTEGRATED',
                                                                    'LOST_CONTACT')),
  notes                TEXT,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  version              INT NOT NULL DEFAULT 0
);
CREATE INDEX support_record_unit_idx ON prostitution.support_record (unit_id);

CREATE TABLE prostitution.support_service (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id   BIGINT NOT NULL REFERENCES prostitution.support_record (id) ON DELETE CASCADE,
  service     TEXT NOT NULL CHECK (service IN ('VOCATIONAL_TRAINING', 'JOB_PLACEMENT', 'LOAN', 'HEALTH_CARE',
                                               'HIV_STI_PREVENTION', 'LEGAL_AID')),
  provided_on DATE NOT NULL,
  provider    TEXT
);
CREATE INDEX support_service_record_idx ON prostitution.support_service (record_id, provided_on);

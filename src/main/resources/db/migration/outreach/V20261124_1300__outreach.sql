CREATE SCHEMA outreach;

-- A communication or training activity: a campaign, a loudspeaker broadcast, a school session, a training course, a
-- forum with children... It took place in one or more units; the jurisdiction filter joins on activity_unit.
-- plan_task_id names a planning task without a foreign key: plans are re-imported, and the planning module checks the
-- task (TaskTracking.task) when the activity is written.
CREATE TABLE outreach.activity (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('COMMUNICATION_CAMPAIGN', 'LOUDSPEAKER_BROADCAST', 'MEETING',
                                                    'SCHOOL_SESSION', 'LEAFLETS', 'SOCIAL_MEDIA_POST',
                                                    'TRAINING_COURSE', 'CHILDREN_FORUM', 'EVENT')),
  title               TEXT NOT NULL,
  description         TEXT,
  organiser_agency_id BIGINT REFERENCES directory.agency (id),
  province_code       TEXT,
  started_on          DATE NOT NULL,
  ended_on            DATE NOT NULL,
  topics              TEXT[] NOT NULL CHECK (cardinality(topics) > 0),
  plan_task_id        BIGINT,
  recorded_by         BIGINT NOT NULL,
  recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  version             INT NOT NULL DEFAULT 0,
  CHECK (started_on <= ended_on)
);
CREATE INDEX activity_ended_idx ON outreach.activity (ended_on DESC, id DESC);
CREATE INDEX activity_agency_idx ON outreach.activity (organiser_agency_id, ended_on DESC);
CREATE INDEX activity_topics_idx ON outreach.activity USING gin (topics);
CREATE INDEX activity_task_idx ON outreach.activity (plan_task_id) WHERE plan_task_id IS NOT NULL;
CREATE INDEX activity_province_idx ON outreach.activity (province_code);

CREATE TABLE outreach.activity_unit (
  activity_id   BIGINT NOT NULL REFERENCES outreach.activity (id) ON DELETE CASCADE,
  unit_id       BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code TEXT,
  PRIMARY KEY (activity_id, unit_id)
);
CREATE INDEX activity_unit_unit_idx ON outreach.activity_unit (unit_id, activity_id);

-- How many people of each audience an activity reached.
CREATE TABLE outreach.audience (
  activity_id BIGINT NOT NULL REFERENCES outreach.activity (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('FAMILIES_WITH_CHILDREN', 'CHILDREN_0_5', 'CHILDREN_6_10', 'CHILDREN_11_15',
                                            'CHILDREN_16_17', 'PUPILS_PRIMARY', 'PUPILS_LOWER_SECONDARY',
                                            'PUPILS_UPPER_SECONDARY', 'VOCATIONAL_STUDENTS', 'TEACHERS',
                                            'PRONE_ESTABLISHMENT_WORKERS', 'ENTERPRISE_WORKERS', 'OFFICIALS',
                                            'COLLABORATORS')),
  reached     INT NOT NULL CHECK (reached >= 0),
  PRIMARY KEY (activity_id, kind)
);

-- An official (cán bộ, công chức, viên chức) named as a participant of a training: one row per person, so that the
-- share of officials trained counts people, not attendances. A person is recognised by name, unit and agency.
CREATE TABLE outreach.official (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name     TEXT NOT NULL,
  position      TEXT,
  agency_id     BIGINT REFERENCES directory.agency (id),
  unit_id       BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code TEXT
);
CREATE UNIQUE INDEX official_person_uq ON outreach.official (unit_id, public.vn_fold(full_name), COALESCE(agency_id, 0));

CREATE TABLE outreach.participant (
  activity_id BIGINT NOT NULL REFERENCES outreach.activity (id) ON DELETE CASCADE,
  official_id BIGINT NOT NULL REFERENCES outreach.official (id),
  position    INT NOT NULL,
  PRIMARY KEY (activity_id, official_id)
);
CREATE INDEX participant_official_idx ON outreach.participant (official_id);

-- Materials and photos of an activity, kept in the database like the evidence of plan tasks.
CREATE TABLE outreach.material (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id  BIGINT NOT NULL REFERENCES outreach.activity (id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes   BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      BYTEA NOT NULL,
  uploaded_by  BIGINT NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX material_activity_idx ON outreach.material (activity_id);

-- An opinion or recommendation a child raised at a forum, the agency that must answer it, and the answer. No names:
-- the age group and sex are what the participation indicators are broken down by.
CREATE TABLE outreach.opinion (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id         BIGINT NOT NULL REFERENCES outreach.activity (id) ON DELETE CASCADE,
  unit_id             BIGINT NOT NULL REFERENCES geography.unit (id),
  province_code       TEXT,
  content             TEXT NOT NULL,
  age_group           TEXT NOT NULL CHECK (age_group IN ('AGE_0_5', 'AGE_6_10', 'AGE_11_15', 'AGE_16_17')),
  sex                 TEXT NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'NOT_STATED')),
  raised_on           DATE NOT NULL,
  answering_agency_id BIGINT NOT NULL REFERENCES directory.agency (id),
  due_on              DATE NOT NULL,
  answer              TEXT,
  answered_on         DATE,
  version             INT NOT NULL DEFAULT 0,
  CHECK (raised_on <= due_on),
  CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE INDEX opinion_unit_idx ON outreach.opinion (unit_id, due_on);
CREATE INDEX opinion_open_idx ON outreach.opinion (due_on) WHERE answered_on IS NULL;
CREATE INDEX opinion_activity_idx ON outreach.opinion (activity_id);

-- How many officials a unit has in a year: the denominator of the share trained, entered by an office.
CREATE TABLE outreach.official_headcount (
  unit_id       BIGINT NOT NULL REFERENCES geography.unit (id),
  year          INT NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  officials     INT NOT NULL CHECK (officials > 0),
  province_code TEXT,
  recorded_by   BIGINT NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  version       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, year)
);

-- Which plan targets a coverage figure measures: data, so that an administrator can link the targets of further plans.
CREATE TABLE outreach.target_measure (
  plan_key    TEXT NOT NULL,
  target_code TEXT NOT NULL,
  measure     TEXT NOT NULL CHECK (measure IN ('COMMUNES_WITH_TOPIC', 'OFFICIALS_TRAINED', 'FAMILIES_REACHED',
                                               'OPINIONS_ANSWERED')),
  topic       TEXT,
  PRIMARY KEY (plan_key, target_code)
);
INSERT INTO outreach.target_measure (plan_key, target_code, measure, topic) VALUES
  ('tho-xuan-2024', '1.1-a', 'COMMUNES_WITH_TOPIC', 'PROSTITUTION_PREVENTION'),
  ('tho-xuan-2024', '5.1-a', 'OFFICIALS_TRAINED', 'PROSTITUTION_PREVENTION'),
  ('hong-ngu-2021', '2-a.1', 'FAMILIES_REACHED', 'CHILD_ABUSE_PREVENTION');

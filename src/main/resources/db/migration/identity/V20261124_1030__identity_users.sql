CREATE SCHEMA identity;

CREATE TABLE identity.app_user (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  email           TEXT,
  password_hash   TEXT NOT NULL,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  agency_id       BIGINT REFERENCES directory.agency (id),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         INT NOT NULL DEFAULT 0,
  CHECK (username = lower(username))
);
CREATE UNIQUE INDEX app_user_username_key ON identity.app_user (username);

CREATE TABLE identity.user_role (
  user_id BIGINT NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- The units a user answers for; their jurisdiction is everything these units reach (geography.unit_reach).
CREATE TABLE identity.user_unit (
  user_id BIGINT NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES geography.unit (id),
  PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX user_unit_unit_idx ON identity.user_unit (unit_id);

-- Personal access tokens for machines; only a SHA-256 of the token is kept.
CREATE TABLE identity.api_token (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at   TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX api_token_user_idx ON identity.api_token (user_id);

-- Sessions in the database so that several application instances can serve the same users (spring-session-jdbc 4).
CREATE TABLE identity.spring_session (
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT NOT NULL,
  last_access_time      BIGINT NOT NULL,
  max_inactive_interval INT NOT NULL,
  expiry_time           BIGINT NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON identity.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON identity.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON identity.spring_session (principal_name);

CREATE TABLE identity.spring_session_attributes (
  session_primary_id CHAR(36) NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES identity.spring_session (primary_id) ON DELETE CASCADE
);

-- Sign-in throttling (docs/decisions/0011-authentication.md, OWASP ASVS 4.0 V2.2.1). An account is no longer locked as
-- a whole after five failures, which let anyone keep any account locked and told whoever asked that the account existed.
-- Failures are counted per name typed and client address; the name need not belong to an account, so that one that
-- does not is answered exactly like one that does.
CREATE TABLE identity.sign_in_attempt (
  account          TEXT NOT NULL,
  client_address   TEXT NOT NULL,
  failures         INT NOT NULL DEFAULT 0,
  locks            INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMPTZ,
  last_attempt_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (account, client_address)
);
CREATE INDEX sign_in_attempt_last_attempt_idx ON identity.sign_in_attempt (last_attempt_at);

-- Failures to one account from all addresses within a window; past the limit the account takes no sign-in, for a while,
-- from a browser that never signed in to it.
CREATE TABLE identity.sign_in_lock (
  account            TEXT PRIMARY KEY,
  failures           INT NOT NULL DEFAULT 0,
  window_started_at  TIMESTAMPTZ NOT NULL,
  locked_until       TIMESTAMPTZ
);

ALTER TABLE identity.app_user
  DROP COLUMN failed_attempts,
  DROP COLUMN locked_until,
  ADD COLUMN password_changed_at TIMESTAMPTZ;

-- What a token is for, as its owner named it, so that a list of tokens can be read and the right one revoked.
ALTER TABLE identity.api_token
  ADD COLUMN label TEXT,
  ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX api_token_user_created_idx ON identity.api_token (user_id, created_at DESC);
DROP INDEX identity.api_token_user_idx;

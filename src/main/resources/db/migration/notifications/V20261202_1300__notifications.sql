-- What the application tells a person: a deadline coming or missed, a report routed to their commune, a referral to
-- their agency. Shown in the application; also sent by e-mail when SMTP is configured and the person has an address.
CREATE SCHEMA notifications;

CREATE TABLE notifications.notification (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
  -- the message key and its arguments, resolved in the reader's language when shown
  message_key  TEXT NOT NULL,
  arguments    TEXT[] NOT NULL DEFAULT '{}',
  link         TEXT,
  urgent       BOOLEAN NOT NULL DEFAULT FALSE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_at      TIMESTAMPTZ,
  mailed_at    TIMESTAMPTZ
);
CREATE INDEX notification_inbox_idx ON notifications.notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notifications.notification (user_id) WHERE read_at IS NULL;
CREATE INDEX notification_unmailed_idx ON notifications.notification (created_at) WHERE mailed_at IS NULL;

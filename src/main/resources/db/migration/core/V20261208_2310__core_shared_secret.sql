-- Keys every instance must hold the same (the public report form's signature, the known-browser cookie): drawn once by
-- the first instance that needs one and read by the others, so that several instances share them with nothing to
-- configure (docs/deploy.md, section 1). A new table only: the previous release runs on as before (decision 0015).
CREATE TABLE public.shared_secret (
  name       TEXT PRIMARY KEY,
  value      BYTEA NOT NULL CHECK (octet_length(value) >= 32),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

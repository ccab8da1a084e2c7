-- Vietnamese search: accent-insensitive (unaccent) and typo-tolerant (pg_trgm) matching.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Lets an exclusion constraint say "one unit per code at any date".
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): an event handed to
-- another module is stored in the publishing transaction and retried until its listener completes.
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- unaccent() is STABLE; an IMMUTABLE wrapper with an explicit dictionary lets indexes use it.
CREATE FUNCTION public.vn_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'Đ', 'D'), 'đ', 'd'))) $$;

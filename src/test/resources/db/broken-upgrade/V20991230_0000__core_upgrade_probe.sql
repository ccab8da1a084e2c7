-- A migration of a future version that works on its own: it must not stay when a later one of the same upgrade fails.
ALTER TABLE public.event_publication ADD COLUMN upgrade_probe text;
CREATE TABLE public.upgrade_probe (id int PRIMARY KEY);
INSERT INTO public.upgrade_probe VALUES (1);

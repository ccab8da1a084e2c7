-- A migration of a future version that deletes records, then fails.
DELETE FROM public.event_publication;
SELECT public.no_such_function();

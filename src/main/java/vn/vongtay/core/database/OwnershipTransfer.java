package vn.vongtay.core.database;

/**
 * Gives the owner role every schema, table, view, sequence, routine and type of a database that another role (the
 * superuser, in a folder from before the owner role) owns. Objects of extensions stay as they are, and so do those
 * that change with their table (indexes, the sequences of serial and identity columns, row types). One statement, one
 * transaction.
 */
final class OwnershipTransfer {

	static final String TO_OWNER = """
			DO $$
			DECLARE
			  owner_role name := :owner;
			  r record;
			BEGIN
			  FOR r IN SELECT n.nspname FROM pg_namespace n
			      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			        AND n.nspowner NOT IN (owner_role::regrole, 'pg_database_owner'::regrole)
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
			                        AND d.objid = n.oid AND d.deptype = 'e')
			  LOOP
			    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, owner_role);
			  END LOOP;
			  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			        AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> owner_role::regrole
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			                        AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('i', 'a')
			                                                 AND d.refobjsubid > 0)))
			  LOOP
			    EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
			      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name, owner_role);
			  END LOOP;
			  FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND p.proowner <> owner_role::regrole
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
			                        AND d.deptype = 'e')
			  LOOP
			    EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
			      r.name, owner_role);
			  END LOOP;
			  FOR r IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.typowner <> owner_role::regrole
			        AND t.typtype IN ('c', 'd', 'e', 'r') AND t.typcategory <> 'A'
			        AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
			                        AND d.deptype IN ('e', 'i'))
			  LOOP
			    EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
			      r.name, owner_role);
			  END LOOP;
			END
			$$""";

	private OwnershipTransfer() {
	}
}

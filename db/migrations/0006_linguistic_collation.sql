-- Text ordering in lists (server/services/list) is linguistic and case-insensitive first, as MOJO's
-- Django on a PostgreSQL with a linguistic collation sorts ("dev-lab" before "Production"). ICU's root
-- collation where the server has ICU (the embedded cluster has); on a server built without ICU, the
-- database's own collation (linguistic unless the database was created with C).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'rackpilot_linguistic' AND collnamespace = 'public'::regnamespace) THEN
    BEGIN
      CREATE COLLATION public.rackpilot_linguistic (provider = icu, locale = 'und');
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN
      EXECUTE format('CREATE COLLATION public.rackpilot_linguistic (provider = libc, locale = %L)',
        (SELECT datcollate FROM pg_database WHERE datname = current_database()));
    END;
  END IF;
END $$;

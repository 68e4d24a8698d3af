-- Every policy reads the tenant settings through app_setting_uuid(), which PostgreSQL calls again for each row
-- and each mention: ~20 calls a row in a referral list. Wrapped as a scalar subquery, "(SELECT app_setting_uuid(..))"
-- becomes an InitPlan, evaluated once per query, and the planner may use it as an index condition.
-- Rewrites every policy of the schema in place; policies added later are written that way (db/rls.int.test.ts).
DO $$
DECLARE
  p record;
  wrap constant text := 'app_setting_uuid\(''[a-z_.]+''::text\)';
BEGIN
  FOR p IN SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' LOOP
    IF p.qual IS NOT NULL THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.policyname, p.tablename,
        regexp_replace(p.qual, wrap, '(SELECT \&)', 'g'));
    END IF;
    IF p.with_check IS NOT NULL THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.policyname, p.tablename,
        regexp_replace(p.with_check, wrap, '(SELECT \&)', 'g'));
    END IF;
  END LOOP;
END
$$;

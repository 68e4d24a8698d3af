-- program_members as PL/pgSQL, as 0018 did for the row-level security helpers: an SQL function that is
-- SECURITY DEFINER is never inlined, and PostgreSQL 15 planned its body at every call (0.22 ms of a referral
-- detail, bench/referrals-load.ts); PL/pgSQL keeps the plan for the session. Same rule, same signature.
CREATE OR REPLACE FUNCTION program_members(prog uuid, net uuid, wanted text[])
  RETURNS TABLE (user_id uuid, name text, email text, regions text[])
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
    SELECT DISTINCT ON (u.id) u.id, u.name, u.email, m.regions
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.program_id = prog AND m.network_id = net AND m.roles && wanted AND u.status = 'active'
      AND m.begins_on <= current_date AND (m.ends_at IS NULL OR m.ends_at > now())
    ORDER BY u.id;
END
$$;

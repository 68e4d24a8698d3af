-- What a tenant transaction reads beside its settings: the network's policy and preset, the acting program's
-- names. As a statement of its own, with three joins, PostgreSQL planned it again for every request (~0.2 ms,
-- bench/referrals-load.ts); PL/pgSQL keeps the plan for the session. Called before the role changes, as the
-- table owner; the program only when it is of that network.
CREATE FUNCTION acting_context(network uuid, program uuid)
  RETURNS TABLE (policy jsonb, preset text, program_id uuid, program_name text, organization_name text)
  LANGUAGE plpgsql STABLE SET search_path = public AS $$
BEGIN
  RETURN QUERY
    SELECT n.policy, n.preset, p.id, p.name, o.name
    FROM (SELECT network AS id) acting
    LEFT JOIN networks n ON n.id = acting.id
    LEFT JOIN programs p ON p.id = program AND p.network_id = acting.id
    LEFT JOIN organizations o ON o.id = p.organization_id;
END
$$;

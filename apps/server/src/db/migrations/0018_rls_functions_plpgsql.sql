-- The row-level security helpers run once per row. As SQL functions (SECURITY DEFINER, never inlined) PostgreSQL 15
-- plans their bodies again in every query that calls them; PL/pgSQL keeps each plan for the session. Same rules,
-- same signatures. client_shared_with_org asks the referrals first: in the referral lists, the cheapest true answer.
CREATE OR REPLACE FUNCTION client_shared_with_org(client uuid, org uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN org IS NOT NULL AND (
    EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = client
            AND (r.organization_id = org OR (r.to_organization_id = org AND r.state <> 'draft')))
    OR EXISTS (SELECT 1 FROM consents k JOIN consent_programs kp ON kp.consent_id = k.id
               WHERE k.client_id = client AND kp.organization_id = org
                 AND k.status = 'signed' AND k.expires_at > now())
    OR EXISTS (SELECT 1 FROM clients m WHERE m.merged_into_id = client AND m.organization_id = org));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consent_names_org(consent uuid, org uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN org IS NOT NULL AND (
    EXISTS (SELECT 1 FROM consent_programs kp WHERE kp.consent_id = consent AND kp.organization_id = org)
    OR EXISTS (SELECT 1 FROM consents k WHERE k.id = consent AND k.organization_id = org));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION referral_visible_to_org(ref uuid, org uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN org IS NOT NULL AND EXISTS (
    SELECT 1 FROM referrals r WHERE r.id = ref
    AND (r.organization_id = org OR (r.to_organization_id = org AND r.state <> 'draft')));
END
$$;

-- Does a referral involve this organization, as sender or receiver? SECURITY DEFINER so the timeline and
-- notes policies can ask without recursing through the referrals policy.
CREATE FUNCTION referral_visible_to_org(ref uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT org IS NOT NULL AND EXISTS (
    SELECT 1 FROM referrals r WHERE r.id = ref AND (r.organization_id = org OR (r.to_organization_id = org AND r.state <> 'draft')))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION referral_visible_to_org(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION referral_visible_to_org(uuid, uuid) TO portico_app;
--> statement-breakpoint
-- X-1: a client is also shared with the organizations a referral of it goes to (once sent) or comes from.
CREATE OR REPLACE FUNCTION client_shared_with_org(client uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT org IS NOT NULL AND (
    EXISTS (SELECT 1 FROM consents k JOIN consent_programs kp ON kp.consent_id = k.id
            WHERE k.client_id = client AND kp.organization_id = org
              AND k.status = 'signed' AND k.expires_at > now())
    OR EXISTS (SELECT 1 FROM clients m WHERE m.merged_into_id = client AND m.organization_id = org)
    OR EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = client
               AND (r.organization_id = org OR (r.to_organization_id = org AND r.state <> 'draft'))))
$$;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The sender's organization sees its drafts; the receiver's sees the referral once sent.
CREATE POLICY referrals_tenant ON referrals TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND (
    organization_id = app_setting_uuid('app.org')
    OR (to_organization_id = app_setting_uuid('app.org') AND state <> 'draft')
    OR network_id = app_setting_uuid('app.network_admin')));
--> statement-breakpoint
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_events_tenant ON referral_events TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND (
    network_id = app_setting_uuid('app.network_admin')
    OR referral_visible_to_org(referral_id, app_setting_uuid('app.org'))));
--> statement-breakpoint
ALTER TABLE referral_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- MT-13: an internal note stays with its author's organization; a shared one reaches the other program too.
CREATE POLICY referral_notes_tenant ON referral_notes TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND (
    organization_id = app_setting_uuid('app.org')
    OR network_id = app_setting_uuid('app.network_admin')
    OR (shared AND referral_visible_to_org(referral_id, app_setting_uuid('app.org')))));
--> statement-breakpoint
-- MT-12: whom a referral step notifies or may be assigned to: a program's active members holding any of the
-- given roles. Tenant transactions cannot read another organization's memberships, so the sender's
-- transaction asks through this function, limited to one program of its own network.
CREATE FUNCTION program_members(prog uuid, net uuid, wanted text[])
  RETURNS TABLE (user_id uuid, name text, email text, regions text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT ON (u.id) u.id, u.name, u.email, m.regions
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.program_id = prog AND m.network_id = net AND m.roles && wanted AND u.status = 'active'
    AND m.begins_on <= current_date AND (m.ends_at IS NULL OR m.ends_at > now())
  ORDER BY u.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION program_members(uuid, uuid, text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION program_members(uuid, uuid, text[]) TO portico_app;

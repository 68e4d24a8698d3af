-- Client names are searched typo-tolerantly, word order ignored (pg_trgm compares word trigrams).
CREATE INDEX clients_name_trgm_idx ON clients USING gin ((first_name || ' ' || last_name) gin_trgm_ops);
--> statement-breakpoint
-- X-1 at the row level: does a valid (signed, unexpired) consent name a program of this organization,
-- or was a client this organization created merged into it? SECURITY DEFINER so the policies below
-- can ask without recursing through each other's row-level security.
CREATE FUNCTION client_shared_with_org(client uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT org IS NOT NULL AND (
    EXISTS (SELECT 1 FROM consents k JOIN consent_programs kp ON kp.consent_id = k.id
            WHERE k.client_id = client AND kp.organization_id = org
              AND k.status = 'signed' AND k.expires_at > now())
    OR EXISTS (SELECT 1 FROM clients m WHERE m.merged_into_id = client AND m.organization_id = org))
$$;
--> statement-breakpoint
-- Does this consent name a program of this organization (the creator's program is always on it)?
CREATE FUNCTION consent_names_org(consent uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT org IS NOT NULL AND (
    EXISTS (SELECT 1 FROM consent_programs kp WHERE kp.consent_id = consent AND kp.organization_id = org)
    OR EXISTS (SELECT 1 FROM consents k WHERE k.id = consent AND k.organization_id = org))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION client_shared_with_org(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION consent_names_org(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION client_shared_with_org(uuid, uuid) TO portico_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION consent_names_org(uuid, uuid) TO portico_app;
--> statement-breakpoint
DROP POLICY clients_tenant ON clients;
--> statement-breakpoint
CREATE POLICY clients_tenant ON clients TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND (
    organization_id = app_setting_uuid('app.org')
    OR network_id = app_setting_uuid('app.network_admin')
    OR client_shared_with_org(id, app_setting_uuid('app.org'))));
--> statement-breakpoint
ALTER TABLE client_merges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY client_merges_admin ON client_merges TO portico_app
  USING (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consents_tenant ON consents TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
-- Every program on a consent sees it (MT-9), whichever organization created it.
CREATE POLICY consents_named ON consents FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND consent_names_org(id, app_setting_uuid('app.org')));
--> statement-breakpoint
ALTER TABLE consent_programs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consent_programs_tenant ON consent_programs TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND (
    network_id = app_setting_uuid('app.network_admin') OR consent_names_org(consent_id, app_setting_uuid('app.org'))));
--> statement-breakpoint
ALTER TABLE consent_sms_challenges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consent_sms_challenges_tenant ON consent_sms_challenges TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE consent_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consent_documents_tenant ON consent_documents TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
CREATE POLICY consent_documents_named ON consent_documents FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND consent_names_org(consent_id, app_setting_uuid('app.org')));
--> statement-breakpoint
-- Text messages: inbound ones arrive without a session (written as the owner); members read their network's.
ALTER TABLE sms_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sms_messages_network ON sms_messages TO portico_app
  USING (network_id = app_setting_uuid('app.network'));

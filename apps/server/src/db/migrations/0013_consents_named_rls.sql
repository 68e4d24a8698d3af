-- MT-10: any program a consent names may record the client's revocation, so its organization may update
-- the consent (the service decides which columns); inserts and deletes stay with the creating organization.
CREATE POLICY consents_named_update ON consents FOR UPDATE TO portico_app
  USING (network_id = app_setting_uuid('app.network') AND consent_names_org(id, app_setting_uuid('app.org')))
  WITH CHECK (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
-- MT-7 confirmations of a person known to another program: the asking organization's own rows.
ALTER TABLE client_confirmations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY client_confirmations_tenant ON client_confirmations TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));

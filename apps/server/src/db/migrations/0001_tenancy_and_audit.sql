-- Tenancy, second layer: tenant transactions run as the non-owner role portico_app
-- (owners and superusers bypass row-level security), keyed by per-transaction settings.
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portico_app') THEN
    CREATE ROLE portico_app NOLOGIN;
  END IF;
END$$;
--> statement-breakpoint
GRANT portico_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portico_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portico_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portico_app;
--> statement-breakpoint
-- Tenant transactions never touch sign-in sessions.
REVOKE ALL ON sessions FROM portico_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_events FROM portico_app;
--> statement-breakpoint
CREATE FUNCTION app_setting_uuid(name text) RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting(name, true), '')::uuid $$;
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organizations_network ON organizations TO portico_app
  USING (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
ALTER TABLE programs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programs_network ON programs TO portico_app
  USING (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_tenant ON memberships TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clients_tenant ON clients TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications TO portico_app
  USING (user_id = app_setting_uuid('app.user') AND network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
CREATE POLICY notifications_send ON notifications FOR INSERT TO portico_app
  WITH CHECK (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT TO portico_app
  WITH CHECK (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
-- The trail is append-only for everyone, owners included.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

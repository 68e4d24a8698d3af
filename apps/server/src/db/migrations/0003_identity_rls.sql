-- MT-3 signatures: a user sees their own, a network administrator all of the network's.
ALTER TABLE agreement_signatures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agreement_signatures_read ON agreement_signatures TO portico_app
  USING (user_id = app_setting_uuid('app.user') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
-- Mail may carry single-use links: only a network administrator reads the network's outbox.
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_read ON mail_outbox FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
CREATE POLICY mail_outbox_queue ON mail_outbox FOR INSERT TO portico_app
  WITH CHECK (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
-- Tenant transactions never read sign-in links.
REVOKE SELECT ON auth_tokens FROM portico_app;

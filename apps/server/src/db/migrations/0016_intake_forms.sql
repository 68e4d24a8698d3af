CREATE TABLE "intake_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "intake_form_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_forms" ADD CONSTRAINT "intake_forms_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_forms" ADD CONSTRAINT "intake_forms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_forms" ADD CONSTRAINT "intake_forms_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_forms" ADD CONSTRAINT "intake_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_forms_program_version_idx" ON "intake_forms" USING btree ("program_id","version");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_intake_form_id_intake_forms_id_fk" FOREIGN KEY ("intake_form_id") REFERENCES "public"."intake_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE intake_forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- MT-11: every program of the network reads a receiver's form (the sender fills it).
CREATE POLICY intake_forms_read ON intake_forms FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
-- Only the program's organization (or a network administrator) adds a version; versions are never changed.
CREATE POLICY intake_forms_add ON intake_forms FOR INSERT TO portico_app
  WITH CHECK (network_id = app_setting_uuid('app.network') AND (
    organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin')));

CREATE TABLE "agency_agreement_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"signature_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"due_on" date NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"version" text NOT NULL,
	"text" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"kind" text NOT NULL,
	"target_id" uuid,
	"proposed" jsonb NOT NULL,
	"current" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "directory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "taxonomies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uri" text,
	"version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"network_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"zip" text NOT NULL,
	"program_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address_line3" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "county" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "mobile" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "fax" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "provider_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "hsds_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "hsds_extra" jsonb;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "service_term_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "telemedicine" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "telemedicine_counties" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "insurance" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "languages" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "eligibility" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "hours" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "agreement_valid_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "hsds_id" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "hsds_extra" jsonb;--> statement-breakpoint
ALTER TABLE "agency_agreement_reminders" ADD CONSTRAINT "agency_agreement_reminders_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_reminders" ADD CONSTRAINT "agency_agreement_reminders_signature_id_agency_agreement_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."agency_agreement_signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_signatures" ADD CONSTRAINT "agency_agreement_signatures_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_signatures" ADD CONSTRAINT "agency_agreement_signatures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_signatures" ADD CONSTRAINT "agency_agreement_signatures_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_signatures" ADD CONSTRAINT "agency_agreement_signatures_version_id_agency_agreement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agency_agreement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_signatures" ADD CONSTRAINT "agency_agreement_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_versions" ADD CONSTRAINT "agency_agreement_versions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_agreement_versions" ADD CONSTRAINT "agency_agreement_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomies" ADD CONSTRAINT "taxonomies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "taxonomy_terms_taxonomy_id_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."taxonomies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "taxonomy_terms_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_agreement_reminders_once_idx" ON "agency_agreement_reminders" USING btree ("signature_id","days_before");--> statement-breakpoint
CREATE INDEX "agency_agreement_signatures_program_idx" ON "agency_agreement_signatures" USING btree ("program_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_agreement_versions_idx" ON "agency_agreement_versions" USING btree ("network_id","version");--> statement-breakpoint
CREATE INDEX "change_requests_org_idx" ON "change_requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "change_requests_network_idx" ON "change_requests" USING btree ("network_id","status","created_at");--> statement-breakpoint
CREATE INDEX "directory_imports_network_idx" ON "directory_imports" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_terms_code_idx" ON "taxonomy_terms" USING btree ("taxonomy_id","code");--> statement-breakpoint
CREATE INDEX "taxonomy_terms_parent_idx" ON "taxonomy_terms" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "registrations_network_idx" ON "registrations" USING btree ("network_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_pending_tax_id_idx" ON "registrations" USING btree ("network_id","tax_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_hsds_idx" ON "organizations" USING btree ("network_id","hsds_id") WHERE hsds_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_tax_id_idx" ON "organizations" USING btree ("network_id","tax_id") WHERE tax_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "programs_hsds_idx" ON "programs" USING btree ("network_id","hsds_id") WHERE hsds_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "programs_counties_idx" ON "programs" USING gin ("counties");--> statement-breakpoint
CREATE INDEX "programs_regions_idx" ON "programs" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "programs_services_idx" ON "programs" USING gin ("service_term_ids");--> statement-breakpoint
CREATE INDEX "programs_insurance_idx" ON "programs" USING gin ("insurance");
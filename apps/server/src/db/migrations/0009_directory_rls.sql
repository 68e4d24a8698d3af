-- Directory search: typo-tolerant names (pg_trgm, trusted: the app's role may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX programs_name_trgm_idx ON programs USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX programs_telemedicine_counties_idx ON programs USING gin (telemedicine_counties);
--> statement-breakpoint
-- Networks created before organizationEdits existed get their preset's value (NCC-5: council by change request).
UPDATE networks SET policy = policy || jsonb_build_object('organizationEdits',
  CASE preset WHEN 'council-payments' THEN 'change_request' ELSE 'direct' END)
  WHERE NOT policy ? 'organizationEdits';
--> statement-breakpoint
-- Taxonomies: the shipped one (network_id NULL) is read by everyone, a network's own by that network.
ALTER TABLE taxonomies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY taxonomies_read ON taxonomies TO portico_app
  USING (network_id IS NULL OR network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
ALTER TABLE taxonomy_terms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY taxonomy_terms_read ON taxonomy_terms TO portico_app
  USING (network_id IS NULL OR network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
ALTER TABLE directory_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY directory_imports_admin ON directory_imports TO portico_app
  USING (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
-- MT-4: agreement texts are read by the whole network; signatures are tenant rows.
ALTER TABLE agency_agreement_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agency_agreement_versions_read ON agency_agreement_versions FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network'));
--> statement-breakpoint
CREATE POLICY agency_agreement_versions_publish ON agency_agreement_versions FOR INSERT TO portico_app
  WITH CHECK (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE agency_agreement_signatures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agency_agreement_signatures_tenant ON agency_agreement_signatures TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
REVOKE UPDATE, DELETE ON agency_agreement_signatures FROM portico_app;
--> statement-breakpoint
-- Reminders are written by the background job (table owner); administrators may read them.
ALTER TABLE agency_agreement_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agency_agreement_reminders_read ON agency_agreement_reminders FOR SELECT TO portico_app
  USING (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
ALTER TABLE change_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY change_requests_tenant ON change_requests TO portico_app
  USING (organization_id = app_setting_uuid('app.org') OR network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
-- CS-1 applications come from people without an account (written as the owner); administrators decide.
ALTER TABLE registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY registrations_admin ON registrations TO portico_app
  USING (network_id = app_setting_uuid('app.network_admin'));
--> statement-breakpoint
-- Open Eligibility (Open Referral's human-services taxonomy, two levels), shipped for every network.
-- Ids are md5('open-eligibility:' || code) as uuid, so any HSDS consumer gets the same ids everywhere.
INSERT INTO taxonomies (id, network_id, name, description, uri, version) VALUES
  (md5('taxonomy:open-eligibility')::uuid, NULL, 'Open Eligibility', 'Open Referral''s taxonomy of human services, top two levels', 'https://openreferral.org/open-eligibility', '2.0');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, taxonomy_id, network_id, code, name, parent_id) VALUES
  (md5('open-eligibility:emergency')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency', 'Emergency', NULL),
  (md5('open-eligibility:emergency.disaster-response')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.disaster-response', 'Disaster Response', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.emergency-cash')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.emergency-cash', 'Emergency Cash', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.emergency-food')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.emergency-food', 'Emergency Food', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.emergency-shelter')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.emergency-shelter', 'Emergency Shelter', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.help-find-missing-persons')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.help-find-missing-persons', 'Help Find Missing Persons', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.immediate-safety')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.immediate-safety', 'Immediate Safety', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:emergency.psychiatric-emergency-services')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'emergency.psychiatric-emergency-services', 'Psychiatric Emergency Services', md5('open-eligibility:emergency')::uuid),
  (md5('open-eligibility:food')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food', 'Food', NULL),
  (md5('open-eligibility:food.food-delivery')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.food-delivery', 'Food Delivery', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:food.food-pantry')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.food-pantry', 'Food Pantry', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:food.help-pay-for-food')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.help-pay-for-food', 'Help Pay for Food', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:food.meals')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.meals', 'Meals', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:food.nutrition-education')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.nutrition-education', 'Nutrition Education', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:food.community-gardens')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'food.community-gardens', 'Community Gardens', md5('open-eligibility:food')::uuid),
  (md5('open-eligibility:housing')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing', 'Housing', NULL),
  (md5('open-eligibility:housing.help-find-housing')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.help-find-housing', 'Help Find Housing', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.help-pay-for-housing')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.help-pay-for-housing', 'Help Pay for Housing', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.housing-advice')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.housing-advice', 'Housing Advice', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.maintenance-and-repairs')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.maintenance-and-repairs', 'Maintenance & Repairs', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.residential-housing')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.residential-housing', 'Residential Housing', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.temporary-shelter')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.temporary-shelter', 'Temporary Shelter', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:housing.utilities')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'housing.utilities', 'Utilities', md5('open-eligibility:housing')::uuid),
  (md5('open-eligibility:goods')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods', 'Goods', NULL),
  (md5('open-eligibility:goods.baby-supplies')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.baby-supplies', 'Baby Supplies', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.clothing')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.clothing', 'Clothing', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.home-goods')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.home-goods', 'Home Goods', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.medical-supplies')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.medical-supplies', 'Medical Supplies', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.personal-care-items')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.personal-care-items', 'Personal Care Items', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.toys-and-gifts')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.toys-and-gifts', 'Toys & Gifts', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:goods.furniture')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'goods.furniture', 'Furniture', md5('open-eligibility:goods')::uuid),
  (md5('open-eligibility:transit')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit', 'Transit', NULL),
  (md5('open-eligibility:transit.bus-passes')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit.bus-passes', 'Bus Passes', md5('open-eligibility:transit')::uuid),
  (md5('open-eligibility:transit.help-pay-for-transit')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit.help-pay-for-transit', 'Help Pay for Transit', md5('open-eligibility:transit')::uuid),
  (md5('open-eligibility:transit.transportation-for-healthcare')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit.transportation-for-healthcare', 'Transportation for Healthcare', md5('open-eligibility:transit')::uuid),
  (md5('open-eligibility:transit.transportation-for-school')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit.transportation-for-school', 'Transportation for School', md5('open-eligibility:transit')::uuid),
  (md5('open-eligibility:transit.car-repair')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'transit.car-repair', 'Car Repair', md5('open-eligibility:transit')::uuid),
  (md5('open-eligibility:health')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health', 'Health', NULL),
  (md5('open-eligibility:health.addiction-and-recovery')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.addiction-and-recovery', 'Addiction & Recovery', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.dental-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.dental-care', 'Dental Care', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.end-of-life-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.end-of-life-care', 'End-of-Life Care', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.health-education')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.health-education', 'Health Education', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.help-pay-for-healthcare')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.help-pay-for-healthcare', 'Help Pay for Healthcare', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.medical-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.medical-care', 'Medical Care', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.mental-health-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.mental-health-care', 'Mental Health Care', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.sexual-and-reproductive-health')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.sexual-and-reproductive-health', 'Sexual & Reproductive Health', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.vision-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.vision-care', 'Vision Care', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:health.prescription-assistance')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'health.prescription-assistance', 'Prescription Assistance', md5('open-eligibility:health')::uuid),
  (md5('open-eligibility:money')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money', 'Money', NULL),
  (md5('open-eligibility:money.financial-assistance')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.financial-assistance', 'Financial Assistance', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:money.financial-education')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.financial-education', 'Financial Education', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:money.government-benefits')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.government-benefits', 'Government Benefits', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:money.insurance')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.insurance', 'Insurance', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:money.tax-preparation')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.tax-preparation', 'Tax Preparation', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:money.help-pay-for-utilities')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'money.help-pay-for-utilities', 'Help Pay for Utilities', md5('open-eligibility:money')::uuid),
  (md5('open-eligibility:care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care', 'Care', NULL),
  (md5('open-eligibility:care.adoption-and-foster-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.adoption-and-foster-care', 'Adoption & Foster Care', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.animal-welfare')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.animal-welfare', 'Animal Welfare', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.daytime-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.daytime-care', 'Daytime Care', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.in-home-support')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.in-home-support', 'In-Home Support', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.residential-care')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.residential-care', 'Residential Care', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.support-network')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.support-network', 'Support Network', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.caregiver-support')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.caregiver-support', 'Caregiver Support', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:care.case-management')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'care.case-management', 'Case Management', md5('open-eligibility:care')::uuid),
  (md5('open-eligibility:education')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education', 'Education', NULL),
  (md5('open-eligibility:education.help-find-school')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.help-find-school', 'Help Find School', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.help-pay-for-school')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.help-pay-for-school', 'Help Pay for School', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.more-education')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.more-education', 'More Education', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.preschool')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.preschool', 'Preschool', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.screening-and-exams')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.screening-and-exams', 'Screening & Exams', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.supplies-for-school')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.supplies-for-school', 'Supplies for School', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:education.tutoring')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'education.tutoring', 'Tutoring', md5('open-eligibility:education')::uuid),
  (md5('open-eligibility:work')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work', 'Work', NULL),
  (md5('open-eligibility:work.help-find-work')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work.help-find-work', 'Help Find Work', md5('open-eligibility:work')::uuid),
  (md5('open-eligibility:work.help-pay-for-work-expenses')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work.help-pay-for-work-expenses', 'Help Pay for Work Expenses', md5('open-eligibility:work')::uuid),
  (md5('open-eligibility:work.skills-and-training')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work.skills-and-training', 'Skills & Training', md5('open-eligibility:work')::uuid),
  (md5('open-eligibility:work.supported-employment')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work.supported-employment', 'Supported Employment', md5('open-eligibility:work')::uuid),
  (md5('open-eligibility:work.workplace-rights')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'work.workplace-rights', 'Workplace Rights', md5('open-eligibility:work')::uuid),
  (md5('open-eligibility:legal')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal', 'Legal', NULL),
  (md5('open-eligibility:legal.advocacy-and-legal-aid')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal.advocacy-and-legal-aid', 'Advocacy & Legal Aid', md5('open-eligibility:legal')::uuid),
  (md5('open-eligibility:legal.mediation')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal.mediation', 'Mediation', md5('open-eligibility:legal')::uuid),
  (md5('open-eligibility:legal.paperwork')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal.paperwork', 'Paperwork', md5('open-eligibility:legal')::uuid),
  (md5('open-eligibility:legal.legal-representation')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal.legal-representation', 'Legal Representation', md5('open-eligibility:legal')::uuid),
  (md5('open-eligibility:legal.translation-and-interpretation')::uuid, md5('taxonomy:open-eligibility')::uuid, NULL, 'legal.translation-and-interpretation', 'Translation & Interpretation', md5('open-eligibility:legal')::uuid);

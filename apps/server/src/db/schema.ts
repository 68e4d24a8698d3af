/** Every Drizzle table, for the client and for drizzle-kit. */

export * from '../modules/agency-agreements/agency-agreements.table.js';
export * from '../modules/change-requests/change-requests.table.js';
export * from '../modules/clients/clients.table.js';
export * from '../modules/consents/consents.table.js';
export * from '../modules/directory/directory.table.js';
export * from '../modules/identity/identity.table.js';
export * from '../modules/intake-forms/intake-forms.table.js';
export * from '../modules/memberships/memberships.table.js';
export * from '../modules/networks/networks.table.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/organizations/organizations.table.js';
export * from '../modules/referrals/referrals.table.js';
export * from '../modules/registrations/registrations.table.js';
export * from '../modules/sso/sso.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../platform/notify/mail.table.js';

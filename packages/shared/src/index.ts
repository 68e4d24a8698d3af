export * from './agency-agreement.js';
export * from './capabilities.js';
export * from './clients.js';
export * from './directory.js';
export * from './presets.js';
export * from './referrals.js';
export * from './roles.js';
export * from './security.js';

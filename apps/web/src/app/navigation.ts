import type { Capability } from '@portico/shared';
import {
  IconAddressBook,
  IconArrowMerge,
  IconArrowsRightLeft,
  IconBell,
  IconBuildingCommunity,
  IconChartBar,
  IconDeviceMobileMessage,
  IconFileCertificate,
  IconFileImport,
  IconForms,
  IconGitPullRequest,
  IconHistory,
  IconHome,
  IconMail,
  IconSettings,
  IconUserPlus,
  IconUserSearch,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface NavItem {
  label: string;
  to: string;
  /** The capability of the acting membership the page needs; none means every signed-in user. */
  capability?: Capability;
  /** A further condition on the network's policy (NCC-5 change requests); the capability still applies. */
  when?: (ctx: NavContext) => boolean;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
}

/** What a nav entry's `when` may look at besides the capabilities. */
export interface NavContext {
  capabilities: readonly string[];
  organizationEdits: 'direct' | 'change_request' | undefined;
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Agency', to: '/agency', capability: 'organization:read', icon: IconHome },
  { label: 'Directory', to: '/directory', capability: 'organization:read', icon: IconAddressBook },
  { label: 'Clients', to: '/clients', capability: 'clients:read', icon: IconUserSearch },
  // MT-14, ND-1: sent and received referrals; gatekeepers start on Pending records.
  { label: 'Referrals', to: '/referrals', capability: 'referrals:read', icon: IconArrowsRightLeft },
  // MT-15: referral delays, outcomes, from and to agency, for a period.
  { label: 'Reports', to: '/reports', capability: 'referrals:read', icon: IconChartBar },
  // MT-11: what senders answer when they refer a client to the acting program.
  { label: 'Intake form', to: '/intake-form', capability: 'organization:write', icon: IconForms },
  // MT-10 demo: the client's side of a text-message signature.
  { label: 'Phone simulator', to: '/sms-simulator', capability: 'consents:read', icon: IconDeviceMobileMessage },
  { label: 'Agency agreement', to: '/agency-agreement', capability: 'agreements:sign', icon: IconFileCertificate },
  { label: 'Organizations', to: '/organizations', capability: 'network:manage', icon: IconBuildingCommunity },
  {
    label: 'Change requests',
    to: '/change-requests',
    capability: 'organization:read',
    // Members see it where edits go through requests (NCC-5); the network team always.
    when: (c) => c.organizationEdits === 'change_request' || c.capabilities.includes('network:manage'),
    icon: IconGitPullRequest,
  },
  { label: 'Client merges', to: '/client-merges', capability: 'network:manage', icon: IconArrowMerge },
  { label: 'Registrations', to: '/registrations', capability: 'network:manage', icon: IconUserPlus },
  { label: 'Users', to: '/users', capability: 'network:manage', icon: IconUsers },
  { label: 'Directory import', to: '/directory-import', capability: 'network:manage', icon: IconFileImport },
  { label: 'Audit log', to: '/audit', capability: 'audit:read', icon: IconHistory },
  { label: 'Sent mail', to: '/mail', capability: 'network:manage', icon: IconMail },
  { label: 'Network settings', to: '/network', capability: 'network:manage', icon: IconSettings },
  { label: 'Notifications', to: '/notifications', icon: IconBell },
];

export function visibleNavItems(
  capabilities: readonly string[],
  organizationEdits?: NavContext['organizationEdits'],
): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.capability || capabilities.includes(item.capability)) &&
      (!item.when || item.when({ capabilities, organizationEdits })),
  );
}

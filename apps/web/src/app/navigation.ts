import type { Capability } from '@portico/shared';
import {
  IconBell,
  IconBuildingCommunity,
  IconHistory,
  IconHome,
  IconMail,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface NavItem {
  label: string;
  to: string;
  /** The capability of the acting membership the page needs; none means every signed-in user. */
  capability?: Capability;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Agency', to: '/agency', capability: 'organization:read', icon: IconHome },
  { label: 'Organizations', to: '/organizations', capability: 'network:manage', icon: IconBuildingCommunity },
  { label: 'Users', to: '/users', capability: 'network:manage', icon: IconUsers },
  { label: 'Audit log', to: '/audit', capability: 'audit:read', icon: IconHistory },
  { label: 'Sent mail', to: '/mail', capability: 'network:manage', icon: IconMail },
  { label: 'Network settings', to: '/network', capability: 'network:manage', icon: IconSettings },
  { label: 'Notifications', to: '/notifications', icon: IconBell },
];

export function visibleNavItems(capabilities: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.capability || capabilities.includes(item.capability));
}

import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router-dom';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ProgramSwitcher } from '../features/session/ProgramSwitcher';
import { UserMenu } from '../features/session/UserMenu';
import { useNetwork, useSession } from '../features/session/useSession';
import classes from './layout.module.css';
import { visibleNavItems } from './navigation';

/** The frame of every signed-in page: header with the acting program (MT-5), navigation, main. */
export function AppLayout() {
  const { data: session } = useSession();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const network = useNetwork().data;
  const items = visibleNavItems(session?.acting?.capabilities ?? [], network?.organizationEdits);

  // On small screens the navbar overlays the page; close it once the user has gone somewhere.
  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: { base: 112, sm: 64 } }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <div className={classes.header}>
          <div className={classes.burger}>
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            />
          </div>
          <Text fw={800} size="xl" c="teal.9" component="span" className={classes.brand}>
            Portico
          </Text>
          <div className={classes.program}>
            <ProgramSwitcher />
          </div>
          <Group gap="sm" wrap="nowrap" className={classes.actions}>
            <NotificationBell />
            <UserMenu />
          </Group>
        </div>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation" className={classes.navbar}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

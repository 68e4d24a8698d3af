import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCan } from '../features/session/useSession';
import { PageHeader } from './PageHeader';

/** Pages hidden from the navigation may still be typed in; say plainly why they are not shown. */
export function RequireCapability({
  capability,
  title,
  children,
}: {
  capability: string;
  title: string;
  children: ReactNode;
}) {
  const can = useCan();
  if (can(capability)) return <>{children}</>;
  return (
    <>
      <PageHeader title={title} />
      <Alert color="yellow" title="Not available for your role">
        Your role in the program you act as does not include this page. Switch program or ask your administrator.
      </Alert>
    </>
  );
}

import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { errorDetail } from '../../lib/api';
import { useSession } from './useSession';

/**
 * Route guard: signed-out users go to the sign-in page; with `acting`, users who have not
 * chosen a program (or whose membership ended) go to the program chooser (MT-5).
 */
export function RequireSession({ acting = false, children }: { acting?: boolean; children: ReactNode }) {
  const { data: session, isPending, error } = useSession();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="Portico could not load your session">
          {errorDetail(error)}
        </Alert>
      </Center>
    );
  }
  if (!session) return <Navigate to="/sign-in" replace />;
  if (acting && !session.acting) return <Navigate to="/choose-program" replace />;
  return <>{children}</>;
}

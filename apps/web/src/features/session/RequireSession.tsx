import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { errorDetail } from '../../lib/api';
import type { SessionStage } from '../../lib/types';
import { nextPath } from './stages';
import { useSession } from './useSession';

const SIGNED_IN: readonly (SessionStage | null)[] = [null];

/**
 * Route guard: signed-out users go to the sign-in page; a session that still owes a sign-in step
 * (password change, passcode) goes to that step's page; with `acting`, users who have not chosen a
 * program (or whose membership ended) go to the program chooser (MT-5). `stages` lists the steps a
 * page serves; null stands for a fully signed-in session.
 */
export function RequireSession({
  acting = false,
  stages = SIGNED_IN,
  children,
}: {
  acting?: boolean;
  stages?: readonly (SessionStage | null)[];
  children: ReactNode;
}) {
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
  if (!stages.includes(session.stage ?? null)) return <Navigate to={nextPath(session)} replace />;
  if (acting && !session.acting) return <Navigate to="/choose-program" replace />;
  return <>{children}</>;
}

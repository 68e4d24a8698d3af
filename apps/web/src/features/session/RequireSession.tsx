import { Alert, Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageLoader } from '../../components/FullPageLoader';
import { errorDetail } from '../../lib/api';
import type { SessionStage } from '../../lib/types';
import { AgreementGate } from '../agreement/AgreementGate';
import { nextPath, stagePath } from './stages';
import { useSession } from './useSession';

const SIGNED_IN: readonly (SessionStage | null)[] = [null];

/**
 * Route guard: signed-out users go to the sign-in page; a session that still owes a sign-in step
 * (password change, passcode, authenticator code) goes to that step's page; with `acting`, users who
 * have not chosen a program (or whose membership ended) go to the program chooser (MT-5), and then
 * (`agreement`, on by default with `acting`) users owing the network's user agreement go to sign it
 * (MT-3). `stages` lists the steps a page serves; null stands for a fully signed-in session.
 */
export function RequireSession({
  acting = false,
  agreement = acting,
  stages = SIGNED_IN,
  children,
}: {
  acting?: boolean;
  agreement?: boolean;
  stages?: readonly (SessionStage | null)[];
  children: ReactNode;
}) {
  const { data: session, isPending, error } = useSession();
  const { pathname } = useLocation();
  if (isPending) return <FullPageLoader />;
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
  // A step owed is served by one page: the passcode's or the authenticator's, by the network's factor.
  const owed = stagePath(session);
  if (owed && owed !== pathname) return <Navigate to={owed} replace />;
  if (acting && !session.acting) return <Navigate to="/choose-program" replace />;
  if (acting && agreement) return <AgreementGate>{children}</AgreementGate>;
  return <>{children}</>;
}

import { Button } from '@mantine/core';
import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import type { TotpEnrolled } from '../../lib/types';
import { AuthCard } from './AuthCard';
import { EnterTotpForm } from './EnterTotpForm';
import { RecoveryCodes } from './RecoveryCodes';
import { nextPath } from './stages';
import { TotpEnrolForm } from './TotpEnrolForm';
import { useSession } from './useSession';
import { useSignOut } from './useSignOut';

/**
 * The authenticator app as second factor: set it up at the first sign-in (then the recovery codes,
 * once), or enter its code. The route guard lets in a session owing that step, and keeps the page
 * while the recovery codes are on screen, however the session is refreshed meanwhile.
 */
export function AuthenticatorPage() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const [enrolled, setEnrolled] = useState<TotpEnrolled | null>(null);
  if (!session) return null;
  if (!enrolled && !session.stage) return <Navigate to={nextPath(session)} replace />;
  const enrolling = enrolled !== null || session.stage === 'second_factor_enrolment';
  return (
    <AuthCard
      title={enrolling ? 'Set up your authenticator app' : 'Enter your authenticator code'}
      action={
        // Not while the recovery codes show: they are not shown again.
        !enrolled && (
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        )
      }
    >
      {enrolled ? (
        <RecoveryCodes enrolled={enrolled} />
      ) : enrolling ? (
        <TotpEnrolForm onEnrolled={setEnrolled} />
      ) : (
        <EnterTotpForm />
      )}
    </AuthCard>
  );
}

import { Alert, Anchor, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatDateTime } from '../../lib/format';
import { returnPath } from '../../lib/returnPath';
import type { AgreementStatus } from '../../lib/types';
import { AuthCard } from '../session/AuthCard';
import { useSession } from '../session/useSession';
import { useSignOut } from '../session/useSignOut';
import { AgreementText } from './AgreementText';
import { AGREEMENT_KEY, agreementKey, useAgreement } from './queries';
import { SignAgreementForm } from './SignAgreementForm';

/**
 * MT-3: the network's user agreement. Signed before anything else at the first sign-in, every year
 * and whenever its version changes (the route guard sends the user here); readable any time from
 * the user menu. Both pass the page to go back to.
 */
export function AgreementPage() {
  const { data: session } = useSession();
  const agreement = useAgreement({ fresh: true });
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const from = returnPath(location.state);
  const status = agreement.data;
  const due = status?.due === true;

  function signed(next: AgreementStatus) {
    queryClient.setQueryData(agreementKey(session?.acting?.networkId), next);
    void queryClient.invalidateQueries({ queryKey: [...AGREEMENT_KEY, 'signatures'] });
    notifications.show({ color: 'teal', title: 'Agreement signed', message: `You signed version ${next.version}.` });
    navigate(from, { replace: true });
  }

  return (
    <AuthCard
      title="User agreement"
      width={720}
      action={
        due && (
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        )
      }
    >
      {agreement.isPending && <LoadingBlock lines={6} label="Loading the user agreement" />}
      <ErrorAlert error={agreement.error} title="Could not load the user agreement" />
      {status && !status.required && <Text>Your network has no user agreement to sign.</Text>}
      {status?.required && status.version && (
        <>
          {due ? (
            <Text>
              Your network asks everyone to read and sign its user agreement before they continue: at the first sign-in,
              once a year, and again whenever the agreement changes.
              {status.signedAt && ` You last signed on ${formatDateTime(status.signedAt)}.`}
            </Text>
          ) : (
            <Alert color="teal" title="You have signed this agreement" role="status">
              You signed version {status.version} on {formatDateTime(status.signedAt)}.
            </Alert>
          )}
          <AgreementText version={status.version} text={status.text ?? ''} />
          {due && session && <SignAgreementForm version={status.version} name={session.user.name} onSigned={signed} />}
        </>
      )}
      {!due && (
        <Anchor component={Link} to={from}>
          Back to Portico
        </Anchor>
      )}
    </AuthCard>
  );
}

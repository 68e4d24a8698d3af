import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';

/** MT-11: a client has at most one pending or active referral to a program; this links to it. */
export function ExistingReferral({ id, programName }: { id: string; programName: string }) {
  return (
    <Alert color="yellow" title="A referral already exists" role="alert">
      This client already has a pending or active referral to {programName}.{' '}
      <Anchor component={Link} to={`/referrals/${id}`} c="inherit" underline="always" fw={600}>
        Open the existing referral
      </Anchor>
    </Alert>
  );
}

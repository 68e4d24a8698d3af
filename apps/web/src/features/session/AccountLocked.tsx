import { Alert, Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router-dom';
import { errorDetail } from '../../lib/api';

/** 423 at the second factor: that was the last attempt; the account is locked and the session has ended. */
export function AccountLocked({ error }: { error: unknown }) {
  return (
    <Stack gap="sm">
      <Alert color="red" title="Your account is locked" role="alert">
        {errorDetail(error)}
      </Alert>
      <Anchor component={Link} to="/sign-in" reloadDocument>
        Back to sign in
      </Anchor>
    </Stack>
  );
}

import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError, errorDetail } from '../lib/api';

/** The server's own words (problem+json detail), with the request id for support when there is one. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert color="red" title={title} icon={<IconAlertCircle aria-hidden />} role="alert" mb="md">
      {errorDetail(error)}
      {requestId && ` (request ${requestId})`}
    </Alert>
  );
}

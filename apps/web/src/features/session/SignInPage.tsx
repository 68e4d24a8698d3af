import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorDetail, post } from '../../lib/api';
import type { Session } from '../../lib/types';
import { AuthCard } from './AuthCard';
import { SsoLinks } from './SsoLinks';
import { ssoErrorMessage } from './ssoErrors';
import { nextPath } from './stages';
import { SESSION_KEY } from './useSession';

/** The set-password page hands over the email, so the user only types the new password. */
function emailFromState(state: unknown): string {
  const email = (state as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : '';
}

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  // ND-9: the identity provider's sign-in came back here without a session.
  const ssoError = params.get('sso_error');
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(() => emailFromState(location.state));
  const [password, setPassword] = useState('');

  const signIn = useMutation({
    mutationFn: () => post<Session>('/api/session', { email: email.trim(), password }),
    onSuccess: (session) => {
      // Whatever another user left in the cache must not show to this one.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, session);
      // A step may be owed first (NCC-1: passcode; a temporary or expired password).
      navigate(nextPath(session), { replace: true });
    },
  });
  // 423: locked after failed attempts, or suspended after inactivity; the detail says what to do.
  const locked = signIn.error instanceof ApiError && signIn.error.status === 423;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate();
  }

  return (
    <AuthCard title="Sign in to Portico" pageTitle="Sign in">
      {ssoError && !signIn.isError && (
        <Alert color="red" title="Could not sign in with your identity provider" role="alert">
          {ssoErrorMessage(ssoError)}
        </Alert>
      )}
      {signIn.isError && (
        <Alert color="red" title={locked ? 'Your account cannot be used now' : 'Could not sign in'} role="alert">
          {errorDetail(signIn.error)}
        </Alert>
      )}
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <div>
            <TextInput
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Anchor component={Link} to="/forgot-password" size="sm" display="inline-block" mt={6}>
              Forgot password?
            </Anchor>
          </div>
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <SsoLinks />
      <Anchor
        component={Link}
        to={params.get('network') ? `/register?network=${params.get('network')}` : '/register'}
        size="sm"
      >
        New provider? Register your organization
      </Anchor>
    </AuthCard>
  );
}

import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError, fieldMessages } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { ApiError, fieldMessagesOf, get, post } from '../../lib/api';
import type { PasswordToken } from '../../lib/types';
import { AuthCard } from '../session/AuthCard';
import { checkNewPassword, NewPasswordFields, type NewPasswordValue } from './NewPasswordFields';
import { PasswordRules } from './PasswordRules';

/** Tokens are 43 characters; the server accepts 20 to 200. */
const usable = (token: string) => token.length >= 20 && token.length <= 200;

function LinkExpired() {
  return (
    <Stack gap="sm">
      <Alert color="yellow" title="This link no longer works" role="alert">
        Links to set a password work once, for a limited time. This one has expired, was already used, or is incomplete.
      </Alert>
      <Anchor component={Link} to="/forgot-password">
        Ask for a new link
      </Anchor>
    </Stack>
  );
}

function Saved({ email }: { email: string }) {
  return (
    <Stack gap="sm">
      <Alert color="teal" title="Password saved" role="status">
        Your password is saved. Sign in with it.
      </Alert>
      <Anchor component={Link} to="/sign-in" state={{ email }}>
        Sign in
      </Anchor>
    </Stack>
  );
}

/** MT-1, MT-2: the page of the invitation and reset links; the link's token is in the address. */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [value, setValue] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [problems, setProblems] = useState<{ password?: string; repeat?: string }>({});

  const link = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => get<PasswordToken>('/api/password/token', { token }),
    enabled: usable(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => post<{ email: string }>('/api/password', { token, password: value.password }),
  });

  const title = link.data?.kind === 'reset' ? 'Choose a new password' : 'Set your password';
  const linkRefused =
    !usable(token) ||
    (link.error instanceof ApiError && link.error.status === 400) ||
    fieldMessagesOf(save.error, 'token').length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(value);
    setProblems(found);
    if (!found.password && !found.repeat) save.mutate();
  }

  if (linkRefused) {
    return (
      <AuthCard title={title}>
        <LinkExpired />
      </AuthCard>
    );
  }
  if (save.isSuccess) {
    return (
      <AuthCard title={title}>
        <Saved email={save.data.email} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title}>
      {link.isPending && <LoadingBlock label="Checking your link" />}
      <ErrorAlert error={link.error} title="Could not check your link" />
      {link.data && (
        <>
          <Text>
            For <strong>{link.data.email}</strong>
          </Text>
          <PasswordRules rules={link.data.rules} />
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FormError error={save.error} fields={['password']} />
              {/* Lets password managers store the new password under the right account. */}
              <input type="email" name="username" autoComplete="username" value={link.data.email} readOnly hidden />
              <NewPasswordFields
                value={value}
                onChange={setValue}
                passwordError={problems.password ?? fieldMessages(save.error, 'password', 'The password')}
                repeatError={problems.repeat}
              />
              <Button type="submit" loading={save.isPending} fullWidth>
                Save password
              </Button>
            </Stack>
          </form>
        </>
      )}
    </AuthCard>
  );
}

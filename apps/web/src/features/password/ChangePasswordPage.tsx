import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { FormError, fieldMessages } from '../../components/FormError';
import { get, put } from '../../lib/api';
import { returnPath } from '../../lib/returnPath';
import type { StageAnswer } from '../../lib/types';
import { AuthCard } from '../session/AuthCard';
import { useCompleteStage } from '../session/useCompleteStage';
import { useSession } from '../session/useSession';
import { useSignOut } from '../session/useSignOut';
import { checkNewPassword, NewPasswordFields, type NewPasswordValue } from './NewPasswordFields';
import { PasswordRules } from './PasswordRules';

/**
 * NCC-1, MT-1: change one's own password. Forced (a sign-in step) after a temporary password or when
 * the password has expired; otherwise reached from the user menu. Other sessions are signed out.
 */
export function ChangePasswordPage() {
  const { data: session } = useSession();
  const forced = session?.stage === 'password_change';
  const location = useLocation();
  const navigate = useNavigate();
  const complete = useCompleteStage();
  const signOut = useSignOut();
  // The user menu passes the page it was opened on.
  const from = returnPath(location.state);
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [problems, setProblems] = useState<{ current?: string; password?: string; repeat?: string }>({});
  // The rules of the user's networks, in words, before they type; without them the page still works.
  const rules = useQuery({
    queryKey: ['password-rules', session?.user.id],
    queryFn: () => get<{ rules: string[] }>('/api/session/password-rules'),
    enabled: Boolean(session),
    staleTime: 5 * 60_000,
  });

  const change = useMutation({
    mutationFn: () =>
      put<StageAnswer>('/api/session/password', { currentPassword: current, newPassword: value.password }),
    onSuccess: (answer) => {
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use your new password from now on. Your other sessions were signed out.',
      });
      if (forced) complete(answer);
      else navigate(from, { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { ...(current ? {} : { current: 'Enter your current password.' }), ...checkNewPassword(value) };
    setProblems(found);
    if (!found.current && !found.password && !found.repeat) change.mutate();
  }

  return (
    <AuthCard
      title="Change your password"
      action={
        forced && (
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        )
      }
    >
      {forced ? (
        <Alert color="yellow" title="Your password must be changed before you continue">
          You signed in with a temporary password, or your password is older than your network allows. Choose a new one
          to go on.
        </Alert>
      ) : (
        <Text>Changing your password signs you out of Portico on your other devices and browsers.</Text>
      )}
      <PasswordRules rules={rules.data?.rules ?? []} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={change.error} fields={['currentPassword', 'newPassword']} />
          {session && (
            <input type="email" name="username" autoComplete="username" value={session.user.email} readOnly hidden />
          )}
          <TextInput
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={problems.current ?? fieldMessages(change.error, 'currentPassword', 'This')}
          />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            passwordError={problems.password ?? fieldMessages(change.error, 'newPassword', 'The new password')}
            repeatError={problems.repeat}
          />
          <Button type="submit" loading={change.isPending} fullWidth>
            Change password
          </Button>
        </Stack>
      </form>
      {!forced && (
        <Anchor component={Link} to={from}>
          Cancel
        </Anchor>
      )}
    </AuthCard>
  );
}

import { Alert, Box, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';
import { errorDetail, post } from '../../lib/api';
import type { Session } from '../../lib/types';
import { SESSION_KEY } from './useSession';

export function SignInPage() {
  usePageTitle('Sign in');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const signIn = useMutation({
    mutationFn: () => post<Session>('/api/session', { email: email.trim(), password }),
    onSuccess: (session) => {
      // Whatever another user left in the cache must not show to this one.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, session);
      navigate(session.acting ? '/agency' : '/choose-program', { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate();
  }

  return (
    <Box component="main" id="main-content" mih="100vh" bg="gray.0" py={80} px="md">
      <Paper withBorder shadow="sm" p="xl" maw={420} mx="auto">
        <Stack gap="lg">
          <div>
            <Text fw={700} c="teal.9" size="sm" tt="uppercase">
              Portico provider portal
            </Text>
            <Title order={1} size="h2">
              Sign in to Portico
            </Title>
          </div>
          {signIn.isError && (
            <Alert color="red" title="Could not sign in" role="alert">
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
              <TextInput
                label="Password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Box>
  );
}

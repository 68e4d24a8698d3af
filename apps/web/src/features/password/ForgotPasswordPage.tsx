import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { post } from '../../lib/api';
import { AuthCard } from '../session/AuthCard';

/** MT-2: a reset link by email. The answer is the same for any address, so it tells nobody who has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const ask = useMutation({
    mutationFn: () => post<{ message: string }>('/api/password-reset', { email: email.trim() }),
  });
  const err = fieldErrorGetter(ask.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!email.trim());
    if (email.trim()) ask.mutate();
  }

  return (
    <AuthCard title="Reset your password">
      {ask.isSuccess ? (
        <Alert color="teal" title="Check your email" role="status">
          {ask.data.message}
        </Alert>
      ) : (
        <>
          <Text>Enter the email address you sign in with. We will email you a link to choose a new password.</Text>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FormError error={ask.error} fields={['email']} />
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={missing ? 'Enter your email address.' : err('email')}
              />
              <Button type="submit" loading={ask.isPending} fullWidth>
                Email me a link
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/sign-in">
        Back to sign in
      </Anchor>
    </AuthCard>
  );
}

import { Button, Group, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { CopyAction } from '../../components/CopyAction';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import type { SsoSettings } from '../../lib/types';
import { type SsoSettingsBody, useSaveSso } from './queries';

const FIELDS = ['enabled', 'issuer', 'clientId', 'clientSecret', 'displayName'];
type Problems = Partial<Record<'issuer' | 'clientId' | 'displayName', string>>;

/**
 * ND-9: the network's OpenID Connect provider. The secret is write-only: typed to set or replace
 * it, left empty to keep the stored one, or removed with its own button.
 */
export function SsoSettingsForm({ initial }: { initial: SsoSettings }) {
  const [saved, setSaved] = useState(initial);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [issuer, setIssuer] = useState(initial.issuer);
  const [clientId, setClientId] = useState(initial.clientId);
  const [secret, setSecret] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const save = useSaveSso();
  const err = fieldErrorGetter(save.error);
  const removing = save.isPending && save.variables?.clientSecret === null;

  function send(body: SsoSettingsBody, done: string) {
    save.mutate(body, {
      onSuccess: (next) => {
        setSaved(next);
        setSecret('');
        notifications.show({ color: 'teal', message: done });
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      ...(displayName.trim() ? {} : { displayName: 'Enter the name the sign-in link shows.' }),
      ...(issuer.trim() ? {} : { issuer: 'Enter the issuer URL of your identity provider.' }),
      ...(clientId.trim() ? {} : { clientId: 'Enter the client ID the identity provider gave Portico.' }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const body = { enabled, displayName: displayName.trim(), issuer: issuer.trim(), clientId: clientId.trim() };
    send(secret ? { ...body, clientSecret: secret } : body, 'Single sign-on saved');
  }

  function removeSecret() {
    const { enabled: on, displayName: name, issuer: iss, clientId: id } = saved;
    send({ enabled: on, displayName: name, issuer: iss, clientId: id, clientSecret: null }, 'Stored secret removed');
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} fields={FIELDS} />
        <Switch
          label="Enabled"
          description="The sign-in page shows a “Sign in with …” link for this network."
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <TextInput
          label="Display name"
          description="The link says “Sign in with” and this name, such as “Sign in with County Staff Login”."
          required
          maxLength={60}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={problems.displayName ?? err('displayName')}
        />
        <TextInput
          label="Issuer URL"
          description="Such as https://login.example.org/realms/staff. Portico checks it answers when sign-in is enabled."
          type="url"
          required
          maxLength={300}
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          error={problems.issuer ?? err('issuer')}
        />
        <TextInput
          label="Client ID"
          required
          maxLength={300}
          autoComplete="off"
          value={clientId}
          onChange={(e) => setClientId(e.currentTarget.value)}
          error={problems.clientId ?? err('clientId')}
        />
        <PasswordInput
          label="Client secret"
          description={
            saved.hasSecret
              ? 'A secret is stored. Leave this empty to keep it, or type a new one to replace it.'
              : 'No secret is stored. Leave this empty for a public client (PKCE only).'
          }
          autoComplete="new-password"
          maxLength={2000}
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={err('clientSecret')}
        />
        <div>
          <TextInput
            label="Callback URL"
            description="Register this address at the identity provider as the redirect URI."
            readOnly
            value={saved.callbackUrl}
          />
          <Group mt={6}>
            <CopyAction value={saved.callbackUrl} label="Copy" ariaLabel="Copy callback URL" />
          </Group>
        </div>
        <Group>
          <Button type="submit" loading={save.isPending && !removing}>
            Save single sign-on
          </Button>
          {saved.hasSecret && (
            <Button variant="default" color="red" onClick={removeSecret} loading={removing}>
              Remove stored secret
            </Button>
          )}
        </Group>
        {saved.hasSecret && (
          <Text size="sm" c="dimmed">
            Removing the secret makes Portico a public client of the provider; it takes effect at once.
          </Text>
        )}
      </Stack>
    </form>
  );
}

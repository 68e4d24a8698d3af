import { Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { AUTHORIZER_KINDS, type AuthorizerKind } from '@portico/shared';
import type { ConsentDraft } from './consentDraft';

interface Props {
  draft: ConsentDraft;
  onKind: (kind: AuthorizerKind) => void;
  set: (key: 'authorizerName' | 'authorizerRelationship', value: string) => void;
  err: (field: string) => string | undefined;
}

/** MT-9: the client, a parent or guardian, or a power of attorney; the signer must be this person. */
export function AuthorizerFields({ draft, onKind, set, err }: Props) {
  const forClient = draft.authorizerKind === 'client';
  return (
    <Stack gap="md">
      <Radio.Group
        label="Who authorizes the release"
        required
        value={draft.authorizerKind}
        onChange={(v) => onKind(v as AuthorizerKind)}
        error={err('authorizerKind')}
      >
        <Stack gap="xs" mt="xs">
          {Object.entries(AUTHORIZER_KINDS).map(([code, label]) => (
            <Radio key={code} value={code} label={label} />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={forClient ? 'Full name of the client' : 'Full name of the person who authorizes'}
          description="The signature must be in this name."
          required
          autoComplete="off"
          value={draft.authorizerName}
          onChange={(e) => set('authorizerName', e.currentTarget.value)}
          error={err('authorizerName')}
        />
        {!forClient && (
          <TextInput
            label="Relationship to the client"
            description="For example: mother, legal guardian, attorney-in-fact."
            required
            autoComplete="off"
            value={draft.authorizerRelationship}
            onChange={(e) => set('authorizerRelationship', e.currentTarget.value)}
            error={err('authorizerRelationship')}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}

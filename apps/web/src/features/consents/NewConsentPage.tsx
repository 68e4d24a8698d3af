import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorGetter } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ApiError, fieldErrorsOf, post } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { EditClient } from '../clients/EditClient';
import { useClient } from '../clients/queries';
import type { Client } from '../clients/types';
import { AuthorizerFields } from './AuthorizerFields';
import {
  type ConsentDraft,
  consentBody,
  draftErrors,
  initialDraft,
  withAuthorizerKind,
  withProgram,
} from './consentDraft';
import { InfoTypesFields } from './InfoTypesFields';
import { ProgramPicker } from './ProgramPicker';
import { clientConsentsKey, consentKey } from './queries';
import type { Consent } from './types';

const FIELDS = [
  'programIds',
  'infoTypes',
  'sensitiveTypes',
  'authorizerKind',
  'authorizerName',
  'authorizerRelationship',
];

/** MT-9: a release of information for one client, naming the programs that may receive it. */
export function NewConsentPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  // MT-7: a person known to another program, confirmed by the client's phone or address on the duplicate review.
  const hidden = (useLocation().state as { hiddenPerson?: { firstName: string; lastName: string } } | null)
    ?.hiddenPerson;
  if (client.data) return <NewConsentForm client={client.data} profile={client.data} />;
  const notFound = client.error instanceof ApiError && client.error.status === 404;
  if (notFound && hidden) return <NewConsentForm client={{ id, ...hidden }} knownElsewhere />;
  return (
    <Stack gap="lg">
      <PageHeader title={notFound ? 'Client not found' : 'New consent'} />
      {notFound ? (
        <Text>
          No client your program may see has this address.{' '}
          <Anchor component={Link} to="/clients">
            Find a client
          </Anchor>
        </Text>
      ) : (
        <ErrorAlert error={client.error} title="Could not load the client" />
      )}
      {client.isPending && <LoadingBlock label="Loading the client" />}
    </Stack>
  );
}

function NewConsentForm({
  client,
  profile,
  knownElsewhere = false,
}: {
  client: Pick<Client, 'id' | 'firstName' | 'lastName'>;
  /** The full profile, when the program sees it: the form is prefilled from it and can correct it. */
  profile?: Client;
  knownElsewhere?: boolean;
}) {
  const clientName = `${client.firstName} ${client.lastName}`;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConsentDraft>(() => initialDraft(clientName));
  // What the form finds before asking the server; a field's own message leaves when it is changed.
  const [local, setLocal] = useState<Record<string, string>>({});
  const update = (field: string, next: (d: ConsentDraft) => ConsentDraft) => {
    setDraft(next);
    setLocal(({ [field]: _, ...rest }) => rest);
  };

  const create = useMutation({
    mutationFn: () => post<Consent>('/api/consents', consentBody(client.id, draft)),
    onSuccess: (consent) => {
      queryClient.setQueryData(consentKey(consent.id), consent);
      void queryClient.invalidateQueries({ queryKey: clientConsentsKey(client.id) });
      notifications.show({ color: 'teal', message: 'Consent created — now collect the signature' });
      navigate(`/consents/${consent.id}`);
    },
  });
  const serverErr = fieldErrorGetter(create.error);
  const err = (field: string) => local[field] ?? serverErr(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = draftErrors(draft);
    setLocal(errors);
    if (Object.keys(errors).length === 0) create.mutate();
  };
  const serverFields = Object.keys(fieldErrorsOf(create.error));
  const onlyFieldErrors =
    Object.keys(local).length > 0 || (serverFields.length > 0 && serverFields.every((f) => FIELDS.includes(f)));

  return (
    <Stack gap="lg">
      <PageHeader
        title="New consent"
        description={
          <>
            Release of information for{' '}
            {knownElsewhere ? (
              <strong>{clientName}</strong>
            ) : (
              <Anchor component={Link} to={`/clients/${client.id}`}>
                {clientName}
              </Anchor>
            )}
            , valid for one year from its signature.
            {knownElsewhere &&
              ' This person is known to another program: their profile opens to your program once this consent is signed.'}
          </>
        }
      />
      {profile && <ClientOnForm client={profile} />}
      <Section id="new-consent-programs" title="Receiving programs">
        <ProgramPicker
          chosen={draft.programs}
          onAdd={(p) => update('programIds', (d) => ({ ...d, programs: withProgram(d.programs, p) }))}
          onRemove={(pid) => update('programIds', (d) => ({ ...d, programs: d.programs.filter((p) => p.id !== pid) }))}
          error={err('programIds')}
        />
      </Section>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Section id="new-consent-info" title="Information to share">
            <InfoTypesFields
              infoTypes={draft.infoTypes}
              sensitiveTypes={draft.sensitiveTypes}
              onInfoTypes={(v) => update('infoTypes', (d) => ({ ...d, infoTypes: v }))}
              onSensitiveTypes={(v) => update('sensitiveTypes', (d) => ({ ...d, sensitiveTypes: v }))}
              err={err}
            />
          </Section>
          <Section id="new-consent-authorizer" title="Who authorizes">
            <AuthorizerFields
              draft={draft}
              onKind={(kind) => update('authorizerKind', (d) => withAuthorizerKind(d, kind, clientName))}
              set={(key, value) => update(key, (d) => ({ ...d, [key]: value }))}
              err={err}
            />
          </Section>
          {onlyFieldErrors ? (
            <ErrorAlert error={new Error('Check the fields marked above.')} title="Some details need attention" />
          ) : (
            <ErrorAlert error={create.error} title="Could not create the consent" />
          )}
          <Group justify="flex-end">
            <Button component={Link} to={`/clients/${client.id}`} variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create consent
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** MT-9: the client's details as the form carries them; a correction here updates the client (audited). */
function ClientOnForm({ client }: { client: Client }) {
  const [editing, setEditing] = useState(false);
  const address = client.noFixedAddress
    ? 'No fixed address'
    : [client.addressLine, client.city, client.postalCode].filter(Boolean).join(', ');
  return (
    <Section id="new-consent-client" title="Client on the form">
      {editing ? (
        <EditClient client={client} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap={4}>
          <Text>
            {client.firstName} {client.lastName}, born {formatDate(client.birthDate)}
          </Text>
          <Text size="sm">Phone: {client.noPhone ? 'No phone' : (client.phone ?? 'none given')}</Text>
          <Text size="sm">Address: {address || 'none given'}</Text>
          <Group mt="xs">
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Correct the client’s details
            </Button>
          </Group>
        </Stack>
      )}
    </Section>
  );
}

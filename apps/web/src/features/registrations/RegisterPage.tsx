import { Alert, Anchor, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { ApiError, post } from '../../lib/api';
import { orNull } from '../../lib/format';
import { AuthCard } from '../session/AuthCard';

const FIELDS = [
  'legalName',
  'taxId',
  'providerId',
  'zip',
  'programName',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
type Values = Record<(typeof FIELDS)[number], string> & { network: string };

/** The same rules the server applies (CS-1), checked as the applicant types, so mistakes show at once. */
function checks(v: Values): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  if (!v.network.trim()) out.network = 'Network code is required.';
  if (!v.legalName.trim()) out.legalName = 'Legal name is required.';
  if (!/^(\d{2}-\d{7}|\d{9})$/.test(v.taxId.trim())) out.taxId = 'Tax ID must be 9 digits, as 12-3456789.';
  if (!/^[A-Za-z0-9]{1,30}$/.test(v.providerId.trim()))
    out.providerId = 'Provider ID must be 1 to 30 letters and digits.';
  if (/^\d{5}$/.test(v.zip.trim())) out.zip = 'ZIP needs all 9 digits (ZIP+4), as 12345-6789.';
  else if (!/^(\d{5}-\d{4}|\d{9})$/.test(v.zip.trim())) out.zip = 'ZIP must be a ZIP+4, as 12345-6789.';
  if (!v.programName.trim()) out.programName = 'Program name is required.';
  if (!v.contactName.trim()) out.contactName = 'Contact name is required.';
  if (!/^\S+@\S+\.\S+$/.test(v.contactEmail.trim())) out.contactEmail = 'Contact email must be an email address.';
  return out;
}

/** CS-1: a provider organization applies to join a network; the network team verifies it first. */
export function RegisterPage() {
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>({
    network: params.get('network') ?? '',
    legalName: '',
    taxId: '',
    providerId: '',
    zip: '',
    programName: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  });
  const [touched, setTouched] = useState(false);
  const apply = useMutation({
    mutationFn: () =>
      post<{ id: string; legalName: string }>(
        `/api/networks/${encodeURIComponent(values.network.trim())}/registrations`,
        {
          legalName: values.legalName.trim(),
          taxId: values.taxId.trim(),
          providerId: values.providerId.trim(),
          zip: values.zip.trim(),
          programName: values.programName.trim(),
          contactName: values.contactName.trim(),
          contactEmail: values.contactEmail.trim(),
          contactPhone: orNull(values.contactPhone),
        },
      ),
  });
  const serverErr = fieldErrorGetter(apply.error);
  const local = touched ? checks(values) : {};
  const err = (f: keyof Values) => local[f] ?? (f === 'network' ? undefined : serverErr(f));
  const noNetwork = apply.error instanceof ApiError && apply.error.status === 404;
  const bind = (f: keyof Values) => ({
    value: values[f],
    onChange: (e: { currentTarget: { value: string } }) => {
      // Read now: React clears currentTarget before a state updater runs.
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [f]: value }));
    },
    error: err(f),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(checks(values)).length === 0) apply.mutate();
  }

  if (apply.isSuccess) {
    return (
      <AuthCard title="Registration received">
        <Alert color="teal" title="Thank you" role="status">
          {apply.data.legalName} has applied. The network team verifies the tax ID, provider ID and ZIP, then emails{' '}
          {values.contactEmail.trim()} whether it is approved. There is nothing to sign in with until then.
        </Alert>
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Register your organization">
      <Text>
        Providers apply here to join the network. After the network team approves the application, the contact gets an
        email to set a password.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={noNetwork ? null : apply.error} fields={FIELDS} />
          {noNetwork && (
            <Alert color="red" role="alert" title="Unknown network">
              No network has the code “{values.network.trim()}”. Check the link the network gave you.
            </Alert>
          )}
          {!params.get('network') && (
            <TextInput
              label="Network code"
              description="From the link your network sent"
              required
              {...bind('network')}
            />
          )}
          <TextInput label="Legal name" required autoComplete="organization" {...bind('legalName')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Tax ID (EIN)" required description="9 digits, as 12-3456789" {...bind('taxId')} />
            <TextInput
              label="Provider ID"
              required
              description="Letters and digits, up to 30"
              {...bind('providerId')}
            />
          </SimpleGrid>
          <TextInput
            label="ZIP+4"
            required
            description="9 digits, as 12345-6789"
            autoComplete="postal-code"
            {...bind('zip')}
          />
          <TextInput
            label="Program name"
            required
            description="Your first program in the directory"
            {...bind('programName')}
          />
          <TextInput label="Contact name" required autoComplete="name" {...bind('contactName')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Contact email" type="email" required autoComplete="email" {...bind('contactEmail')} />
            <TextInput label="Contact phone" type="tel" autoComplete="tel" {...bind('contactPhone')} />
          </SimpleGrid>
          <Button type="submit" loading={apply.isPending} fullWidth>
            Send registration
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/sign-in">
        Back to sign in
      </Anchor>
    </AuthCard>
  );
}

import { Modal, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorGetter } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { SaveForm } from '../../components/SaveForm';
import { EditButton, Section } from '../../components/Section';
import { textBinder } from '../../components/textBinder';
import { get } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Organization } from '../../lib/types';
import { announceEdit, patchChanges, useEditsByRequest } from '../change-requests/editOutcome';
import { useCan } from '../session/useSession';

const FIELDS = [
  'name',
  'description',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'town',
  'county',
  'postcode',
  'country',
  'phone',
  'mobile',
  'fax',
  'email',
  'website',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (o: Organization): Values =>
  Object.fromEntries(FIELDS.map((f) => [f, (o[f] as string | null | undefined) ?? ''])) as Values;
const bodyOf = (v: Values) => Object.fromEntries(FIELDS.map((f) => [f, f === 'name' ? v.name.trim() : orNull(v[f])]));

const organizationKey = (id: string) => ['organization', id] as const;

/** ND-2 / NCC-5: the acting organization's own details; edited directly or by change request. */
export function OrganizationDetails({ organizationId }: { organizationId: string }) {
  const {
    data: org,
    isPending,
    error,
  } = useQuery({
    queryKey: organizationKey(organizationId),
    queryFn: () => get<Organization>(`/api/organizations/${organizationId}`),
  });
  const can = useCan();
  const [editing, { open, close }] = useDisclosure(false);
  const address = org
    ? [org.addressLine1, org.addressLine2, org.addressLine3, org.town, org.county, org.postcode, org.country]
        .filter(Boolean)
        .join(', ')
    : '';

  return (
    <Section
      id="organization-details-heading"
      title="Organisation details"
      action={org && can('organization:write') && <EditButton onClick={open}>Edit organisation</EditButton>}
    >
      {isPending && <LoadingBlock label="Loading organisation details" />}
      <ErrorAlert error={error} title="Could not load the organisation" />
      {org && (
        <>
          <DetailList
            items={[
              { label: 'Name', value: org.name },
              { label: 'Description', value: org.description },
              { label: 'Address', value: address },
              { label: 'Telephone', value: org.phone },
              { label: 'Mobile', value: org.mobile },
              { label: 'Fax', value: org.fax },
              { label: 'Email', value: org.email },
              { label: 'Website', value: org.website },
            ]}
          />
          <Modal opened={editing} onClose={close} title="Edit organisation details" size="lg">
            {editing && <OrganizationEditForm organization={org} onClose={close} />}
          </Modal>
        </>
      )}
    </Section>
  );
}

function OrganizationEditForm({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const queryClient = useQueryClient();
  const byRequest = useEditsByRequest();
  const [values, setValues] = useState<Values>(() => valuesOf(organization));
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: () =>
      patchChanges<unknown>(`/api/organizations/${organization.id}`, bodyOf(values), bodyOf(valuesOf(organization))),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: organizationKey(organization.id) });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      announceEdit(answer, 'Organisation details saved');
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);
  const text = textBinder(values, set, err);

  return (
    <SaveForm
      save={save}
      fields={FIELDS}
      onCancel={onClose}
      submitLabel={byRequest ? 'Request change' : 'Save details'}
    >
      <TextInput label="Organisation name" required {...text('name')} data-autofocus />
      <Textarea label="Description" autosize minRows={2} {...text('description')} />
      <TextInput label="Address 1" {...text('addressLine1')} />
      <TextInput label="Address 2" {...text('addressLine2')} />
      <TextInput label="Address 3" {...text('addressLine3')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Town" {...text('town')} />
        <TextInput label="County" {...text('county')} />
        <TextInput label="Postcode" {...text('postcode')} />
        <TextInput label="Country" {...text('country')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Telephone" type="tel" {...text('phone')} />
        <TextInput label="Mobile" type="tel" {...text('mobile')} />
        <TextInput label="Fax" type="tel" {...text('fax')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Email" type="email" {...text('email')} />
        <TextInput label="Website" type="url" placeholder="https://" {...text('website')} />
      </SimpleGrid>
    </SaveForm>
  );
}

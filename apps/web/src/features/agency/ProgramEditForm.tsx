import { Modal, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { listBinder, textBinder } from '../../components/textBinder';
import { post } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Program } from '../../lib/types';
import { announceEdit, isDeferred, patchChanges, useEditsByRequest } from '../change-requests/editOutcome';

const FIELDS = [
  'name',
  'description',
  'addressLine1',
  'city',
  'state',
  'postalCode',
  'phone',
  'email',
  'website',
  'regions',
  'counties',
  'referralStatus',
] as const;

interface Values {
  name: string;
  description: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  email: string;
  website: string;
  regions: string[];
  counties: string[];
  referralStatus: string;
}

function initialValues(p: Program | undefined): Values {
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    addressLine1: p?.addressLine1 ?? '',
    city: p?.city ?? '',
    state: p?.state ?? '',
    postalCode: p?.postalCode ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    website: p?.website ?? '',
    regions: p?.regions ?? [],
    counties: p?.counties ?? [],
    referralStatus: p?.referralStatus ?? 'open',
  };
}

/** Empty optional fields are sent as null, which clears them on the server. */
function toBody(v: Values) {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    addressLine1: orNull(v.addressLine1),
    city: orNull(v.city),
    state: orNull(v.state),
    postalCode: orNull(v.postalCode),
    phone: orNull(v.phone),
    email: orNull(v.email),
    website: orNull(v.website),
    regions: v.regions,
    counties: v.counties,
    referralStatus: v.referralStatus,
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The program to edit; without it a new program is added to `organizationId`. */
  program?: Program;
  organizationId?: string;
  title: string;
  submitLabel: string;
  successMessage: string;
}

/** Program details form (ND-2), used for the acting program and by network administrators. */
export function ProgramFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      {/* Mounted only while open, so each opening starts from the saved values. */}
      {props.opened && <ProgramForm {...props} />}
    </Modal>
  );
}

function ProgramForm({ program, organizationId, onClose, submitLabel, successMessage }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(program));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  // NCC-5: in change-request networks the edit is sent for approval, so the button says so.
  const byRequest = useEditsByRequest() && Boolean(program);
  const save = useMutation({
    mutationFn: async () => {
      if (!program) return post<Program>('/api/programs', { organizationId, ...toBody(values) });
      return patchChanges<Program>(`/api/programs/${program.id}`, toBody(values), toBody(initialValues(program)));
    },
    onSuccess: (answer) => {
      if (answer !== null) {
        if (!isDeferred(answer)) queryClient.setQueryData(['program', answer.id], answer);
        void queryClient.invalidateQueries({ queryKey: ['programs'] });
        void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      }
      announceEdit(answer, successMessage);
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);
  const text = textBinder(values, set, err);
  const list = listBinder(values, set, err);

  return (
    <SaveForm save={save} fields={FIELDS} onCancel={onClose} submitLabel={byRequest ? 'Request change' : submitLabel}>
      <TextInput label="Program name" required {...text('name')} />
      <Textarea label="Description" autosize minRows={2} {...text('description')} />
      <TextInput label="Address" autoComplete="street-address" {...text('addressLine1')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="City" {...text('city')} />
        <TextInput label="State" {...text('state')} />
        <TextInput label="Postal code" {...text('postalCode')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Phone" type="tel" {...text('phone')} />
        <TextInput label="Email" type="email" {...text('email')} />
      </SimpleGrid>
      <TextInput label="Website" type="url" placeholder="https://" {...text('website')} />
      <TagsInput label="Regions served" description="Press Enter after each region" {...list('regions')} />
      <TagsInput label="Counties served" description="Press Enter after each county" {...list('counties')} />
      <Select
        label="Referral status"
        data={[
          { value: 'open', label: 'Open to referrals' },
          { value: 'closed', label: 'Closed to referrals' },
        ]}
        allowDeselect={false}
        value={values.referralStatus}
        onChange={(v) => set('referralStatus', v ?? 'open')}
        error={err('referralStatus')}
      />
    </SaveForm>
  );
}

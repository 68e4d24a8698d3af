import { Button, Group, Modal, MultiSelect, Stack, Switch, TagsInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { INSURANCE, INSURANCE_CODES } from '@portico/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { patch } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Program } from '../../lib/types';
import {
  announceOutcome,
  changedOnly,
  type Deferred,
  isDeferred,
  useEditsByRequest,
} from '../change-requests/editOutcome';
import { useTaxonomy } from '../directory/queries';
import type { ProgramDirectoryFields } from '../directory/types';

export type DirectoryProgram = Program & ProgramDirectoryFields;

const FIELDS = [
  'serviceTermIds',
  'telemedicine',
  'telemedicineCounties',
  'insurance',
  'languages',
  'eligibility',
  'hours',
];
const LANGUAGE_SUGGESTIONS = ['English', 'Spanish', 'French', 'Vietnamese', 'Chinese', 'Arabic', 'ASL', 'Polish'];
const INSURANCE_OPTIONS = INSURANCE_CODES.map((code) => ({ value: code, label: INSURANCE[code] }));

interface Values {
  serviceTermIds: string[];
  telemedicine: boolean;
  telemedicineCounties: string[];
  insurance: string[];
  languages: string[];
  eligibility: string;
  hours: string;
}

const initialValues = (p: DirectoryProgram): Values => ({
  serviceTermIds: p.serviceTermIds ?? [],
  telemedicine: p.telemedicine ?? false,
  telemedicineCounties: p.telemedicineCounties ?? [],
  insurance: p.insurance ?? [],
  languages: p.languages ?? [],
  eligibility: p.eligibility ?? '',
  hours: p.hours ?? '',
});

const toBody = (v: Values) => ({
  serviceTermIds: v.serviceTermIds,
  telemedicine: v.telemedicine,
  // Counties by telemedicine mean nothing without telemedicine.
  telemedicineCounties: v.telemedicine ? v.telemedicineCounties : [],
  insurance: v.insurance,
  languages: v.languages,
  eligibility: orNull(v.eligibility),
  hours: orNull(v.hours),
});

interface Props {
  opened: boolean;
  onClose: () => void;
  program: DirectoryProgram;
}

/** MT-9: how the program is found in the directory: services, telemedicine, insurance, languages, hours. */
export function ProgramDirectoryFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Edit directory listing" size="lg">
      {props.opened && <ProgramDirectoryForm {...props} />}
    </Modal>
  );
}

function ProgramDirectoryForm({ program, onClose }: Props) {
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [values, setValues] = useState<Values>(() => initialValues(program));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const byRequest = useEditsByRequest();

  const serviceOptions = useMemo(
    () =>
      (taxonomy.data?.items ?? []).map((top) => ({
        group: top.name,
        items: [
          { value: top.id, label: `${top.name} (general)` },
          ...top.children.map((c) => ({ value: c.id, label: c.name })),
        ],
      })),
    [taxonomy.data],
  );

  const save = useMutation({
    mutationFn: async () => {
      const changes = changedOnly(toBody(values), toBody(initialValues(program)));
      if (Object.keys(changes).length === 0) return null;
      return patch<DirectoryProgram | Deferred>(`/api/programs/${program.id}`, changes);
    },
    onSuccess: (answer) => {
      if (answer === null) {
        notifications.show({ message: 'Nothing changed' });
      } else {
        // A 202 (council networks) is a change request: nothing changed yet, the notice says so.
        if (!isDeferred(answer)) queryClient.setQueryData(['program', answer.id], answer);
        void queryClient.invalidateQueries({ queryKey: ['directory'] });
        void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
        announceOutcome(answer, 'Directory listing saved');
      }
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} fields={FIELDS} />
        <MultiSelect
          label="Services offered"
          description="From the network's service taxonomy"
          data={serviceOptions}
          value={values.serviceTermIds}
          onChange={(v) => set('serviceTermIds', v)}
          searchable
          clearable
          nothingFoundMessage="No such service"
          error={err('serviceTermIds')}
        />
        <MultiSelect
          label="Insurance accepted"
          data={INSURANCE_OPTIONS}
          value={values.insurance}
          onChange={(v) => set('insurance', v)}
          clearable
          error={err('insurance')}
        />
        <Switch
          label="Serves clients by telemedicine"
          checked={values.telemedicine}
          onChange={(e) => set('telemedicine', e.currentTarget.checked)}
          error={err('telemedicine')}
        />
        {values.telemedicine && (
          <TagsInput
            label="Counties served by telemedicine"
            description="Press Enter after each county; leave empty for every county"
            value={values.telemedicineCounties}
            onChange={(v) => set('telemedicineCounties', v)}
            error={err('telemedicineCounties')}
          />
        )}
        <TagsInput
          label="Languages"
          description="Press Enter after each language"
          data={LANGUAGE_SUGGESTIONS}
          value={values.languages}
          onChange={(v) => set('languages', v)}
          error={err('languages')}
        />
        <Textarea
          label="Hours"
          placeholder="Mon–Fri 9:00–17:00"
          autosize
          minRows={1}
          value={values.hours}
          onChange={(e) => set('hours', e.currentTarget.value)}
          error={err('hours')}
        />
        <Textarea
          label="Eligibility"
          description="Who the program serves: age, residence, income, referral needed…"
          autosize
          minRows={2}
          value={values.eligibility}
          onChange={(e) => set('eligibility', e.currentTarget.value)}
          error={err('eligibility')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {byRequest ? 'Request change' : 'Save listing'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Modal, MultiSelect, Switch, TagsInput, Textarea } from '@mantine/core';
import { INSURANCE, INSURANCE_CODES } from '@portico/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { listBinder, textBinder } from '../../components/textBinder';
import { orNull } from '../../lib/format';
import type { Program } from '../../lib/types';
import { announceEdit, isDeferred, patchChanges, useEditsByRequest } from '../change-requests/editOutcome';
import { useServiceOptions } from '../directory/queries';
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
  const [values, setValues] = useState<Values>(() => initialValues(program));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const byRequest = useEditsByRequest();

  const serviceOptions = useServiceOptions('id', '(general)');

  const save = useMutation({
    mutationFn: () =>
      patchChanges<DirectoryProgram>(`/api/programs/${program.id}`, toBody(values), toBody(initialValues(program))),
    onSuccess: (answer) => {
      if (answer !== null) {
        // A 202 (council networks) is a change request: nothing changed yet, the notice says so.
        if (!isDeferred(answer)) queryClient.setQueryData(['program', answer.id], answer);
        void queryClient.invalidateQueries({ queryKey: ['directory'] });
        void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      }
      announceEdit(answer, 'Directory listing saved');
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);
  const text = textBinder(values, set, err);
  const list = listBinder(values, set, err);

  return (
    <SaveForm
      save={save}
      fields={FIELDS}
      onCancel={onClose}
      submitLabel={byRequest ? 'Request change' : 'Save listing'}
    >
      <MultiSelect
        label="Services offered"
        description="From the network's service taxonomy"
        data={serviceOptions}
        searchable
        clearable
        nothingFoundMessage="No such service"
        {...list('serviceTermIds')}
      />
      <MultiSelect label="Insurance accepted" data={INSURANCE_OPTIONS} clearable {...list('insurance')} />
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
          {...list('telemedicineCounties')}
        />
      )}
      <TagsInput
        label="Languages"
        description="Press Enter after each language"
        data={LANGUAGE_SUGGESTIONS}
        {...list('languages')}
      />
      <Textarea label="Hours" placeholder="Mon–Fri 9:00–17:00" autosize minRows={1} {...text('hours')} />
      <Textarea
        label="Eligibility"
        description="Who the program serves: age, residence, income, referral needed…"
        autosize
        minRows={2}
        {...text('eligibility')}
      />
    </SaveForm>
  );
}

import { Alert, Button, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldMessages } from '../../components/FormError';
import { post } from '../../lib/api';
import { AGENCY_AGREEMENT_KEY, type AgencyAgreementVersion } from './queries';

/** MT-4: a network administrator publishes a new text; signatures already given stay valid. */
export function PublishVersionForm() {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState('');
  const [text, setText] = useState('');
  const [published, setPublished] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: () => post<AgencyAgreementVersion>('/api/agency-agreement/versions', { version: version.trim(), text }),
    onSuccess: (v) => {
      setPublished(v.version);
      setVersion('');
      setText('');
      void queryClient.invalidateQueries({ queryKey: AGENCY_AGREEMENT_KEY });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setPublished(null);
    publish.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Publish a new version">
      <Stack gap="sm">
        {published && (
          <Alert color="teal" title="Version published" role="status">
            Version {published} is now the agreement gatekeepers sign. Existing signatures stay valid until they lapse.
          </Alert>
        )}
        <FormError error={publish.error} fields={['version', 'text']} />
        <TextInput
          label="Version label"
          description="For example 2027-01"
          required
          value={version}
          onChange={(e) => setVersion(e.currentTarget.value)}
          error={fieldMessages(publish.error, 'version', 'The version label')}
        />
        <Textarea
          label="Agreement text"
          description="At least 20 characters; line breaks are kept."
          required
          autosize
          minRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldMessages(publish.error, 'text', 'The text')}
        />
        <Button type="submit" loading={publish.isPending} style={{ alignSelf: 'flex-start' }}>
          Publish version
        </Button>
      </Stack>
    </form>
  );
}

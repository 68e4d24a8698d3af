import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from './consentText';
import { useConsentAction } from './queries';
import type { Consent } from './types';
import { uploadConsentDocument } from './upload';

/** MT-10: the scan of the signed blank form, PDF only; a second upload replaces the first. */
export function UploadForm({ consent, onDone }: { consent: Consent; onDone?: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const replacing = Boolean(consent.document);
  const upload = useConsentAction(
    consent,
    (f: File) => uploadConsentDocument(consent.id, f),
    replacing ? 'Signed form replaced' : 'Signed form uploaded — the consent is signed',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        onDone?.();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={560}>
        <FileInput
          label={replacing ? 'New scan of the signed form' : 'Scan of the signed form'}
          description="A scan of the form with the signature, as a PDF of up to 10 MB."
          placeholder="Choose a PDF"
          // Mantine's default placeholder grey is below 4.5:1 contrast.
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept="application/pdf"
          clearable
          required
          value={file}
          onChange={setFile}
        />
        <ErrorAlert error={upload.error} title="Could not upload the form" />
        <Text role="status" size="sm">
          {upload.isPending && file && `Uploading ${file.name} (${formatBytes(file.size)})…`}
        </Text>
        <Group>
          <Button
            type="submit"
            loading={upload.isPending}
            disabled={!file}
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            Upload the signed form
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone} disabled={upload.isPending}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconReplace, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { del } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatBytes, shortHash } from './consentText';
import { useConsentAction } from './queries';
import type { Consent, ConsentDocument } from './types';
import { UploadForm } from './UploadForm';

/** MT-10: the signed paper form: upload it, view, replace or delete it. */
export function DocumentPanel({ consent }: { consent: Consent }) {
  const doc = consent.document;
  const [replacing, setReplacing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // A revoked or expired consent keeps its form as it was.
  const editable = consent.canManage && (consent.status === 'awaiting_upload' || consent.status === 'signed');
  return (
    <Section id="consent-document" title="Signed form">
      <Stack gap="md">
        {!consent.complete && (
          <Alert color="orange" title="Incomplete: upload the signed form">
            The consent is not valid until the scan of the signed form is uploaded.
          </Alert>
        )}
        {doc && (
          <DocumentDetails consentId={consent.id} doc={doc}>
            {editable && !replacing && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconReplace size={16} aria-hidden />}
                  onClick={() => setReplacing(true)}
                >
                  Replace
                </Button>
                <Button
                  variant="outline"
                  color="red.9"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setDeleting(true)}
                >
                  Delete
                </Button>
              </>
            )}
          </DocumentDetails>
        )}
        {editable && (!doc || replacing) && (
          <UploadForm consent={consent} onDone={doc ? () => setReplacing(false) : undefined} />
        )}
      </Stack>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title="Delete the signed form?">
        {deleting && <DeleteDocument consent={consent} onClose={() => setDeleting(false)} />}
      </Modal>
    </Section>
  );
}

/** The uploaded file, "View" to open it, and whatever else may be done with it (children). */
function DocumentDetails({
  consentId,
  doc,
  children,
}: {
  consentId: string;
  doc: ConsentDocument;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <DetailList
        items={[
          { label: 'File', value: doc.fileName },
          { label: 'Size', value: formatBytes(doc.sizeBytes) },
          { label: 'SHA-256 (start)', value: <Code title={doc.sha256}>{shortHash(doc.sha256)}</Code> },
          { label: 'Uploaded', value: formatDateTime(doc.uploadedAt) },
        ]}
      />
      <Group>
        <Button
          component="a"
          href={`/api/consents/${consentId}/document`}
          target="_blank"
          rel="noreferrer"
          variant="default"
          leftSection={<IconExternalLink size={16} aria-hidden />}
        >
          View
        </Button>
        {children}
      </Group>
    </Stack>
  );
}

function DeleteDocument({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const remove = useConsentAction(
    consent,
    () => del<Consent>(`/api/consents/${consent.id}/document`),
    'Signed form deleted — the consent waits for its upload',
  );
  return (
    <Stack gap="md">
      <Text>The consent goes back to waiting for the signed form, and is not valid until one is uploaded again.</Text>
      <ErrorAlert error={remove.error} title="Could not delete the form" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red.9"
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined, { onSuccess: onClose })}
        >
          Delete the signed form
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Checkbox, List, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { CopyAction } from '../../components/CopyAction';
import type { TotpEnrolled } from '../../lib/types';
import { useCompleteStage } from './useCompleteStage';

/**
 * The 10 single-use recovery codes, shown this once (only their hashes are kept). The user goes on
 * only after saying they saved them.
 */
export function RecoveryCodes({ enrolled }: { enrolled: TotpEnrolled }) {
  const complete = useCompleteStage();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string>();
  const codes = enrolled.recoveryCodes;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that was focused is gone: keyboard and screen-reader users start at the codes.
  useEffect(() => heading.current?.focus(), []);

  function proceed() {
    if (!saved) {
      setProblem('Save your recovery codes, then tick this box.');
      return;
    }
    notifications.show({
      color: 'teal',
      title: 'Authenticator app set up',
      message: 'From now on, enter a code from the app after your password.',
    });
    complete(enrolled);
  }

  return (
    <Stack gap="md">
      <Title order={2} size="h3" ref={heading} tabIndex={-1}>
        Your recovery codes
      </Title>
      <Alert color="yellow" title="Save these codes" role="status">
        If you lose your phone, each code signs you in once instead of the app. They are shown only now: store them in
        your password manager, or print them and keep them somewhere safe.
      </Alert>
      <List size="md" spacing={4} ff="monospace" aria-label="Recovery codes">
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <CopyAction value={codes.join('\n')} label="Copy codes" />
      <Checkbox
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(e) => {
          setSaved(e.currentTarget.checked);
          setProblem(undefined);
        }}
        error={problem}
      />
      <Button onClick={proceed} fullWidth>
        Continue
      </Button>
    </Stack>
  );
}

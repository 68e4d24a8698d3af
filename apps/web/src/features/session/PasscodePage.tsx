import { Button } from '@mantine/core';
import { AuthCard } from './AuthCard';
import { ChoosePasscodeForm } from './ChoosePasscodeForm';
import { EnterPasscodeForm } from './EnterPasscodeForm';
import { useSession } from './useSession';
import { useSignOut } from './useSignOut';

/** NCC-1: the second factor. The route guard lets only a session owing a passcode step in. */
export function PasscodePage() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const enrolling = session?.stage === 'second_factor_enrolment';
  return (
    <AuthCard
      title={enrolling ? 'Choose your passcode' : 'Enter your passcode'}
      action={
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          Sign out
        </Button>
      }
    >
      {enrolling ? <ChoosePasscodeForm /> : <EnterPasscodeForm />}
    </AuthCard>
  );
}

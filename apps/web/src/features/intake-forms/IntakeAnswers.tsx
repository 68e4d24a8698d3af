import { Text } from '@mantine/core';
import { DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { answerText } from './answers';
import { useIntakeFormVersion } from './queries';

/** MT-11: the intake answers of a referral, labelled by the form version it was started with. */
export function IntakeAnswers({
  formId,
  answers,
  programName,
}: {
  formId: string | null;
  answers: Record<string, unknown>;
  programName: string;
}) {
  const form = useIntakeFormVersion(formId);
  if (!formId) return null;
  const fields = form.data?.fields ?? [];
  return (
    <Section id="referral-intake" title={`${programName} intake`}>
      {form.isPending && <Text size="sm">Loading the intake form…</Text>}
      {form.error && <Text size="sm">The intake form could not be loaded.</Text>}
      {form.data && (
        <>
          <DetailList items={fields.map((f) => ({ label: f.label, value: answerText(f, answers[f.key]) }))} />
          <Text size="xs" c="dimmed" mt="sm">
            Form version {form.data.version}
          </Text>
        </>
      )}
    </Section>
  );
}

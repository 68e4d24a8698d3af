import type { IntakeField } from '@portico/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, put } from '../../lib/api';
import type { IntakeForm } from './types';

export const intakeFormKey = (programId: string) => ['intake-forms', 'program', programId] as const;

/** MT-11: the form a new referral to the program starts with. */
export function useIntakeForm(programId: string) {
  return useQuery({
    queryKey: intakeFormKey(programId),
    queryFn: () => get<IntakeForm>(`/api/programs/${programId}/intake-form`),
    enabled: Boolean(programId),
  });
}

/** A saved version never changes, so it is read once. */
export function useIntakeFormVersion(id: string | null) {
  return useQuery({
    queryKey: ['intake-forms', 'version', id],
    queryFn: () => get<IntakeForm>(`/api/intake-forms/${id}`),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveIntakeForm(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: IntakeField[]) => put<IntakeForm>(`/api/programs/${programId}/intake-form`, { fields }),
    onSuccess: (form) => queryClient.setQueryData(intakeFormKey(programId), form),
  });
}

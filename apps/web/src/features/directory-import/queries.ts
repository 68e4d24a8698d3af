import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';

export interface ImportProblem {
  record: string;
  field: string;
  message: string;
}
export interface DirectoryImport {
  id: string;
  fileName: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportProblem[];
  createdAt: string;
  finishedAt: string | null;
}

export const isFinished = (i: DirectoryImport) => i.status === 'succeeded' || i.status === 'failed';

/** Past imports of the network, newest first. */
export function useImports() {
  return useQuery({
    queryKey: ['directory-imports'],
    queryFn: () => get<{ items: DirectoryImport[] }>('/api/directory/imports'),
  });
}

/** One import, polled every second until it has finished. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['directory-imports', id],
    queryFn: () => get<DirectoryImport>(`/api/directory/imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
  });
}

/** Reads the chosen files as text in the browser and sends them as one import. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (files: File[]) =>
      post<DirectoryImport>('/api/directory/imports', {
        files: await Promise.all(files.map(async (f) => ({ name: f.name, content: await f.text() }))),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['directory-imports'] }),
  });
}

import { Button, Center } from '@mantine/core';

/** Cursor paging: the next page is appended below, so the reader keeps their place. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={onLoad} loading={loading}>
        Load more
      </Button>
    </Center>
  );
}

import { Button, Center } from '@mantine/core';

/** The parts of an infinite query that paging needs. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Cursor paging: the next page is appended below, so the reader keeps their place. */
export function LoadMore({ pages }: { pages: Pages }) {
  if (!pages.hasNextPage) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
        Load more
      </Button>
    </Center>
  );
}

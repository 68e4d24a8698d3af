import { Center, Loader } from '@mantine/core';

/** While the session (or what the route guard checks next) loads, before any page can be drawn. */
export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/**
 * The page a user came from, passed in the router state (`{ from }`) by the page that sent them,
 * so "Cancel", "Back" and success go back there. Only paths of this app; anything else is home.
 */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

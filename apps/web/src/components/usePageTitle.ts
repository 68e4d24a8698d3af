import { useEffect } from 'react';

/** Sets document.title to "<page> · Portico" so tabs, history and screen readers name the page. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Portico`;
  }, [title]);
}

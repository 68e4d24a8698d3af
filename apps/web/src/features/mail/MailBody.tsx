import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './mail.module.css';

/** http(s) addresses; a full stop or bracket right after one ends the sentence, not the link. */
const LINK = /https?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/** Plain text with its web links made clickable; nothing else in it is interpreted. */
export function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={start} href={url} className={classes.link}>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** An email's text as it was sent: line breaks kept, links followable. */
export function MailBody({ id, body }: { id: string; body: string | null }) {
  return (
    <pre id={id} className={classes.body}>
      {body === null ? 'The text was removed after delivery.' : linkify(body)}
    </pre>
  );
}

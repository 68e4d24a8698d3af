import { Text } from '@mantine/core';
import classes from './agreement.module.css';

/** The agreement as its network wrote it (line breaks kept), in a labelled region that scrolls. */
export function AgreementText({ version, text }: { version: string; text: string }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        Version {version}
      </Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
      <section aria-label="Agreement text" tabIndex={0} className={classes.scroll}>
        <pre className={classes.text}>{text}</pre>
      </section>
    </div>
  );
}

import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  Menu,
  Modal,
  Notification,
} from '@mantine/core';

/**
 * A calm teal, one step darker than Mantine's so white text on buttons and badges (shade 8) and
 * teal text on light backgrounds (shade 9) keep a contrast of at least 4.5:1 (WCAG AA).
 */
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#066649',
];

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  colors: { teal },
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: font,
  headings: { fontFamily: font },
  components: {
    // Icon-only close buttons need a name screen readers can announce.
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } },
    }),
    // Sentence case reads calmer than capitals, and badges must never be cut short.
    Badge: Badge.extend({
      styles: { root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } },
    }),
    // Under a title, Mantine greys the message to gray.6 (3.3:1); the darkened dimmed colour keeps 4.5:1.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    // The focus placeholder Mantine puts first in a menu is a focusable role="presentation" element,
    // which axe reports (aria-required-children); without it the menu itself takes focus on open.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // A <header> inside a dialog is announced as a second page banner; a div is enough.
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/** Mantine's light greys and reds for secondary text and errors fall below 4.5:1 on white; darken them. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-yellow-light-color': '#664200',
    '--mantine-color-orange-light-color': '#8a3300',
  },
  dark: {},
});

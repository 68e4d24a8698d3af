/** The p-th percentile (nearest rank) of some timings. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
/** Milliseconds as the figures print them. */
export const ms = (x: number) => `${x.toFixed(2)} ms`;

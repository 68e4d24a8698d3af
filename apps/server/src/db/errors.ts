/** PostgreSQL refused a row with a unique index (SQLSTATE 23505), whichever driver wrapped the error. */
export function isUniqueViolation(e: unknown): boolean {
  for (let c = e as { code?: string; cause?: unknown } | undefined; c; c = c.cause as typeof c) {
    if (c.code === '23505') return true;
  }
  return false;
}

/** Runs work and turns a unique violation (two requests racing past a check) into the given error. */
export async function onUniqueViolation<T>(work: () => Promise<T>, error: () => Error): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw error();
    throw e;
  }
}

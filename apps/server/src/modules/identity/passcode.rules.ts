/** The longest run allowed of ascending, descending or repeated digits (NCC-1: "no more than three"). */
export const MAX_RUN = 3;

/**
 * Why a 6-digit passcode is refused (NCC-1), or null when it is acceptable:
 * 123456, 654321 and 012345 fail (runs of more than three), 124578 passes; so does 111 but not 1111.
 */
export function passcodeProblem(passcode: string): string | null {
  if (!/^\d{6}$/.test(passcode)) return 'must be exactly 6 digits';
  const d = [...passcode].map(Number);
  let up = 1;
  let down = 1;
  let same = 1;
  for (let i = 1; i < d.length; i++) {
    const step = d[i]! - d[i - 1]!;
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    same = step === 0 ? same + 1 : 1;
    if (up > MAX_RUN) return `must not contain more than ${MAX_RUN} ascending digits in a row`;
    if (down > MAX_RUN) return `must not contain more than ${MAX_RUN} descending digits in a row`;
    if (same > MAX_RUN) return `must not repeat a digit more than ${MAX_RUN} times in a row`;
  }
  return null;
}

import { randomInt } from 'node:crypto';

/** Shared by the text-message tests (simulator and Twilio). */
export type Method = 'GET' | 'POST';

/** A fictional NANP mobile, unique enough that runs sharing one PostgreSQL never meet. */
export const randomPhone = () => `+1${randomInt(200, 1000)}555${String(randomInt(0, 10_000)).padStart(4, '0')}`;
export const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? '')?.[1];
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

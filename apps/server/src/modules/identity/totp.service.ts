import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { systemTx } from '../../db/tx.js';
import { AppError, invalid } from '../../http/errors.js';
import * as repo from './identity.repo.js';
import { advanceStage, auditInNetworks, type IdentityDeps, type RequestInfo } from './identity.service.js';
import { users } from './identity.table.js';
import { checkSecondFactor } from './second-factor.service.js';

type Session = { userId: string; tokenHash: string };

export const RECOVERY_CODES = 10;
// Recovery codes are random (50 bits each), so a fast hash is enough; only hashes are kept.
const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

function recoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const STEP_SECONDS = 30;

/**
 * The 30-second step the code belongs to when it matches the authenticator now (one step of
 * tolerance either side), or null.
 */
async function matchingStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: STEP_SECONDS });
  return result.valid ? Math.floor(epoch / STEP_SECONDS) + (result.delta ?? 0) : null;
}

/** Starts enrolment: a new secret, shown as a QR code and as text for typing into the app. */
export function startTotpEnrolment(deps: IdentityDeps, session: Session) {
  return systemTx(deps.db, async (tx) => {
    const user = await repo.findUser(tx, session.userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in first.');
    const secret = generateSecret();
    await repo.updateUser(tx, user.id, { totpSecret: secret, totpEnabledAt: null });
    const otpauthUri = generateURI({ issuer: 'Portico', label: user.email, secret });
    return { secret, otpauthUri, qrCode: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }) };
  });
}

/** Confirms enrolment with a first code; answers the 10 single-use recovery codes, shown once. */
export function confirmTotpEnrolment(deps: IdentityDeps, session: Session, code: string, info: RequestInfo) {
  return systemTx(deps.db, async (tx) => {
    const user = await repo.findUser(tx, session.userId);
    if (!user?.totpSecret) throw new AppError('conflict', 'Start the authenticator set-up first.');
    const step = await matchingStep(user.totpSecret, code, deps.clock.now());
    if (step === null) {
      throw invalid('body.code', 'does not match your authenticator app; check its clock and try the newest code');
    }
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await repo.updateUser(tx, user.id, {
      totpEnabledAt: deps.clock.now(),
      totpLastStep: step,
      recoveryCodeHashes: codes.map(hashCode),
    });
    await auditInNetworks(tx, await repo.activeMembershipsOf(tx, user.id), user.id, info, 'user.totp_enrol');
    const stage = await advanceStage(tx, deps, session.tokenHash, user.id, 'second_factor_enrolment');
    return { stage, recoveryCodes: codes };
  });
}

/** The authenticator code asked after the password, or one of the recovery codes (used up). */
export function verifyTotp(deps: IdentityDeps, session: Session, code: string, info: RequestInfo) {
  return checkSecondFactor(deps, session, info, 'body.code', async (tx, user) => {
    if (!user.totpSecret || !user.totpEnabledAt) return false;
    const step = await matchingStep(user.totpSecret, code.trim(), deps.clock.now());
    // A code already used (or an older one) is refused: someone may have seen it typed.
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
      return true;
    }
    const hashed = hashCode(code);
    if (!user.recoveryCodeHashes.includes(hashed)) return false;
    const remaining = user.recoveryCodeHashes.filter((h) => h !== hashed);
    await tx.update(users).set({ recoveryCodeHashes: remaining }).where(eq(users.id, user.id));
    await auditInNetworks(
      tx,
      await repo.activeMembershipsOf(tx, user.id),
      user.id,
      info,
      'user.recovery_code_used',
      null,
      { remaining: remaining.length },
    );
    return true;
  });
}

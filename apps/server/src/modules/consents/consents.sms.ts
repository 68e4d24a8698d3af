import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError, conflict, invalid } from '../../http/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import type { InboundSms, SmsGateway } from '../../platform/sms/sms.gateway.js';
import { toE164 } from '../../platform/sms/sms.phone.js';
import { SmsSendError } from '../../platform/sms/sms.twilio.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import * as clientsRepo from '../clients/clients.repo.js';
import * as repo from './consents.repo.js';
import {
  codeMatches,
  codeMessage,
  hashCode,
  isYes,
  newCode,
  requestMessage,
  SMS_CODE_VALID_MS,
  SMS_MAX_CODES,
  SMS_MAX_WRONG,
} from './consents.rules.js';
import type { SmsCode, SmsStart } from './consents.schema.js';
import { audit, type ConsentDeps, loadManaged, markSigned, viewOf } from './consents.service.js';
import { consentSmsChallenges, consents, smsMessages } from './consents.table.js';

/** Sends a text and keeps it in the message log, inside the caller's transaction. */
async function text(tx: Tx, sms: SmsGateway, networkId: string, to: string, body: string) {
  let providerId: string;
  try {
    ({ providerId } = await sms.send({ to, body }));
  } catch (err) {
    if (!(err instanceof SmsSendError)) throw err;
    // Nothing is saved: the request or code can simply be sent again.
    throw new AppError('upstream', `The text message could not be sent (${err.message}). Try again in a moment.`);
  }
  // Wall-clock times, not the transaction's: a reply and the code it triggers share one transaction.
  await tx.insert(smsMessages).values({
    networkId,
    direction: 'outbound',
    toNumber: to,
    fromNumber: sms.from,
    body,
    providerId,
    createdAt: sql`clock_timestamp()`,
  });
}

/** Texts a fresh code; the old one stops working because only the newest hash is kept. */
async function sendCode(tx: Tx, deps: ConsentDeps, challenge: repo.SmsChallengeRow, now: Date) {
  if (challenge.codesSent >= SMS_MAX_CODES) {
    throw conflict(`${SMS_MAX_CODES} codes were already sent for this consent; sign another way.`);
  }
  const code = newCode();
  await repo.updateChallenge(tx, challenge.consentId, {
    state: 'code_sent',
    codeHash: hashCode(challenge.consentId, code),
    codeExpiresAt: new Date(now.getTime() + SMS_CODE_VALID_MS),
    codesSent: challenge.codesSent + 1,
  });
  await text(tx, deps.sms, challenge.networkId, challenge.phone, codeMessage(code));
}

/**
 * MT-10 text-message signature, step 1: the client's mobile gets the request and must reply YES.
 * Starting again (e.g. another number) resets the challenge: earlier codes stop working.
 */
export function startSms(deps: ConsentDeps, actor: Actor, id: string, input: Static<typeof SmsStart>) {
  const now = deps.clock.now();
  return withTenant(deps.db, actor, async (tx) => {
    const found = await loadManaged(tx, actor, id, ['pending'], 'be signed by text message');
    let raw = input.phone?.trim();
    if (!raw) {
      const client = await clientsRepo.findVisible(tx, actor, now, found.consent.clientId);
      if (!client?.phone) throw invalid('body.phone', "enter the client's mobile number");
      raw = client.phone;
    }
    const phone = toE164(raw);
    if (!phone) throw invalid('body.phone', 'not a phone number: give 10 digits, or +country code and number');
    await repo.upsertChallenge(tx, {
      consentId: id,
      networkId: actor.networkId,
      organizationId: actor.organizationId,
      phone,
    });
    const creator = found.consent.createdByProgramId;
    const asking = found.programs.find((p) => p.id === creator)?.name ?? 'A program';
    const others = found.programs.filter((p) => p.id !== creator).map((p) => p.name);
    await text(tx, deps.sms, actor.networkId, phone, requestMessage(asking, others));
    await audit(tx, actor, 'consent.sms.request', id);
    return viewOf(tx, actor, id, now);
  });
}

/** Step 2 (no session: the provider's webhook, or the simulator): a YES to a waiting request gets a code. */
export async function receiveSms(deps: ConsentDeps, msg: InboundSms, networkId?: string): Promise<void> {
  const now = deps.clock.now();
  const from = toE164(msg.from);
  if (!from) return;
  await systemTx(deps.db, async (tx) => {
    const [challenge] = await tx
      .select({ c: consentSmsChallenges })
      .from(consentSmsChallenges)
      .innerJoin(consents, eq(consents.id, consentSmsChallenges.consentId))
      .where(
        and(
          eq(consentSmsChallenges.phone, from),
          inArray(consentSmsChallenges.state, ['awaiting_reply', 'code_sent']),
          eq(consents.status, 'pending'),
          networkId ? eq(consentSmsChallenges.networkId, networkId) : undefined,
        ),
      )
      // A YES answers the newest request still waiting for one: a phone shared by two clients may have a
      // code out for one consent and a request waiting for the other. Other replies are only logged.
      .orderBy(desc(sql`${consentSmsChallenges.state} = 'awaiting_reply'`), desc(consentSmsChallenges.updatedAt))
      .limit(1)
      .for('update');
    // A provider retrying its webhook delivers the same message id again: keep it once, act once.
    const [kept] = await tx
      .insert(smsMessages)
      .values({
        networkId: challenge?.c.networkId ?? null,
        direction: 'inbound',
        toNumber: msg.to,
        fromNumber: from,
        body: msg.body.slice(0, 1600),
        providerId: msg.providerId,
        createdAt: sql`clock_timestamp()`,
      })
      .onConflictDoNothing()
      .returning({ id: smsMessages.id });
    if (!kept || !challenge || !isYes(msg.body) || challenge.c.state !== 'awaiting_reply') return;
    await sendCode(tx, deps, challenge.c, now);
  });
}

/** A new code for a client who already said YES (MT-10: the new code invalidates the old). */
export function resendCode(deps: ConsentDeps, actor: Actor, id: string) {
  const now = deps.clock.now();
  return withTenant(deps.db, actor, async (tx) => {
    const { sms } = await loadManaged(tx, actor, id, ['pending'], 'be signed by text message');
    if (sms?.state !== 'code_sent') throw conflict('No code yet: the client must first reply YES to the request.');
    await sendCode(tx, deps, sms, now);
    await audit(tx, actor, 'consent.sms.resend', id);
    return viewOf(tx, actor, id, now);
  });
}

/**
 * Step 3: staff enter the code the client reads out. A wrong entry is counted (and kept) before the
 * 400 answers; the fifth locks the challenge.
 */
export async function verifyCode(deps: ConsentDeps, actor: Actor, id: string, input: Static<typeof SmsCode>) {
  const now = deps.clock.now();
  const outcome = await withTenant(deps.db, actor, async (tx) => {
    const { sms, consent } = await loadManaged(tx, actor, id, ['pending'], 'be signed by text message');
    if (!sms || sms.state === 'awaiting_reply') {
      throw conflict('No code yet: the client must first reply YES to the request.');
    }
    if (sms.state === 'locked') throw conflict('Too many wrong codes: sign this consent another way.');
    if (!sms.codeExpiresAt || sms.codeExpiresAt <= now) {
      throw invalid('body.code', 'the code expired (codes are valid 12 hours): re-send the code');
    }
    if (!codeMatches(id, input.code, sms.codeHash)) {
      const failed = sms.failedAttempts + 1;
      await repo.updateChallenge(tx, id, {
        failedAttempts: failed,
        state: failed >= SMS_MAX_WRONG ? 'locked' : 'code_sent',
      });
      await audit(tx, actor, 'consent.sms.wrong_code', id, { failedAttempts: failed });
      return { wrong: SMS_MAX_WRONG - failed } as const;
    }
    await repo.updateChallenge(tx, id, { state: 'verified', codeHash: null });
    await markSigned(tx, id, { method: 'sms', signerName: consent.authorizerName, signedAt: now });
    await audit(tx, actor, 'consent.sign', id, { method: 'sms' });
    return { view: await viewOf(tx, actor, id, now) } as const;
  });
  if ('view' in outcome) return outcome.view;
  if (outcome.wrong <= 0) throw conflict('Wrong code, and that was the last attempt: sign this consent another way.');
  throw invalid('body.code', `wrong code; ${outcome.wrong} attempt(s) left`);
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../../http/errors.js';
import type { InboundSms, OutboundSms, SmsGateway } from './sms.gateway.js';
import { isE164 } from './sms.phone.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl?: string;
  /** How long send() waits for Twilio; 10 s unless a test needs less. */
  timeoutMs?: number;
}

/** Twilio refused or could not be reached; `status` is the HTTP status when it answered. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SmsSendError';
  }
}

/** MT-10: sends through Twilio's Messages REST API (or anything that speaks it). */
export class TwilioGateway implements SmsGateway {
  readonly kind = 'twilio' as const;
  readonly from: string;
  private readonly endpoint: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly authToken: string;

  constructor(options: TwilioOptions) {
    this.authToken = options.authToken;
    const baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    this.from = options.from;
    this.endpoint = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The inbound webhook is Twilio's only if its signature, over the URL Twilio called, checks out. */
  verifyInbound(url: string, params: Record<string, string>, signature: string | undefined): boolean {
    return Boolean(signature) && verifyTwilioSignature(this.authToken, url, params, signature as string);
  }

  async send(msg: OutboundSms): Promise<{ providerId: string }> {
    if (!isE164(msg.to)) throw new SmsSendError(`Not an E.164 phone number: ${msg.to}`);
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          authorization: this.authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: msg.to, From: this.from, Body: msg.body }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      const why = timedOut ? `did not answer within ${this.timeoutMs} ms` : `could not be reached (${String(err)})`;
      throw new SmsSendError(`Twilio ${why}`, undefined, { cause: err });
    }
    const json = (await res.json().catch(() => ({}))) as { sid?: unknown; message?: unknown };
    if (!res.ok) {
      const message = typeof json.message === 'string' ? json.message : `Twilio answered HTTP ${res.status}`;
      throw new SmsSendError(message, res.status);
    }
    if (typeof json.sid !== 'string') throw new SmsSendError('Twilio accepted the message but sent no sid', res.status);
    return { providerId: json.sid };
  }
}

/**
 * Twilio's X-Twilio-Signature: HMAC-SHA1 keyed by the auth token over the full webhook URL
 * followed by every POST parameter, sorted by name, as name+value; base64.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Constant-time check of a webhook's X-Twilio-Signature header. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** MT-10: reads a client's reply from Twilio's incoming-message webhook form. */
export function parseTwilioInbound(params: Record<string, string>): InboundSms {
  const required = (name: 'From' | 'To' | 'MessageSid'): string => {
    const value = params[name]?.trim();
    if (!value) throw invalid(`body.${name}`, 'is required');
    return value;
  };
  const from = required('From');
  const to = required('To');
  const providerId = required('MessageSid');
  // A picture-only message has an empty Body; only a missing one is malformed.
  const body = params.Body;
  if (body === undefined) throw invalid('body.Body', 'is required');
  return { from, to, body, providerId };
}

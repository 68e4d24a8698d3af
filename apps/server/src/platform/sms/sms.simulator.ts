import { randomBytes } from 'node:crypto';
import type { OutboundSms, SmsGateway } from './sms.gateway.js';
import { isE164 } from './sms.phone.js';

/** Twilio's magic test number: a sender that is clearly not a real phone. */
const DEFAULT_FROM = '+15005550006';

/** MT-10 without a provider: messages stay in memory (and in the lead's DB table) instead of leaving. */
export class SimulatorGateway implements SmsGateway {
  readonly kind = 'simulator' as const;
  readonly from: string;
  /** Everything sent, oldest first, for tests. */
  readonly sent: OutboundSms[] = [];

  constructor(options: { from?: string } = {}) {
    this.from = options.from ?? DEFAULT_FROM;
  }

  verifyInbound(): boolean {
    return false;
  }

  async send(msg: OutboundSms): Promise<{ providerId: string }> {
    // Refuse what Twilio would refuse, so a bad number fails in development too.
    if (!isE164(msg.to)) throw new Error(`Not an E.164 phone number: ${msg.to}`);
    this.sent.push({ to: msg.to, body: msg.body });
    return { providerId: `SIM${randomBytes(16).toString('hex')}` };
  }
}

import type { SmsGateway } from './sms.gateway.js';
import { isE164 } from './sms.phone.js';
import { SimulatorGateway } from './sms.simulator.js';
import { TwilioGateway } from './sms.twilio.js';

const REQUIRED = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

/**
 * MT-10: Twilio when all three TWILIO_* settings are present, the simulator when none are.
 * A partial set is refused at start-up rather than silently simulating in production.
 */
export function smsGatewayFromEnv(env: NodeJS.ProcessEnv): SmsGateway {
  const value = (name: string) => env[name]?.trim() || undefined;
  const missing = REQUIRED.filter((name) => !value(name));
  if (missing.length === REQUIRED.length) return new SimulatorGateway();
  if (missing.length > 0) {
    throw new Error(`Text messages need all of ${REQUIRED.join(', ')}; missing ${missing.join(', ')}`);
  }
  const from = value('TWILIO_FROM') as string;
  if (!isE164(from)) throw new Error(`TWILIO_FROM must be an E.164 number such as +14065550123, got ${from}`);
  const baseUrl = value('TWILIO_BASE_URL');
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) throw new Error('TWILIO_BASE_URL must start with http:// or https://');
  return new TwilioGateway({
    accountSid: value('TWILIO_ACCOUNT_SID') as string,
    authToken: value('TWILIO_AUTH_TOKEN') as string,
    from,
    baseUrl,
  });
}

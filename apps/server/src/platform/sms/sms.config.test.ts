import { describe, expect, it } from 'vitest';
import { smsGatewayFromEnv } from './sms.config.js';
import { SimulatorGateway } from './sms.simulator.js';
import { TwilioGateway } from './sms.twilio.js';

const twilioEnv = { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'secret', TWILIO_FROM: '+14065550100' };

describe('MT-10 the text-message gateway is chosen from the environment', () => {
  it('MT-10 no TWILIO_* settings: the simulator, sending from the test number', () => {
    const gateway = smsGatewayFromEnv({});
    expect(gateway).toBeInstanceOf(SimulatorGateway);
    expect(gateway.kind).toBe('simulator');
    expect(gateway.from).toBe('+15005550006');
  });

  it('MT-10 blank TWILIO_* settings count as unset', () => {
    expect(smsGatewayFromEnv({ TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: ' ', TWILIO_FROM: '' }).kind).toBe(
      'simulator',
    );
  });

  it('MT-10 all three TWILIO_* settings: Twilio, sending from TWILIO_FROM', () => {
    const gateway = smsGatewayFromEnv(twilioEnv);
    expect(gateway).toBeInstanceOf(TwilioGateway);
    expect(gateway.kind).toBe('twilio');
    expect(gateway.from).toBe('+14065550100');
  });

  it.each(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const)(
    'MT-10 only some TWILIO_* settings (no %s) is refused by name',
    (left) => {
      const env: NodeJS.ProcessEnv = { ...twilioEnv };
      delete env[left];
      expect(() => smsGatewayFromEnv(env)).toThrow(new RegExp(`missing ${left}`));
    },
  );

  it('MT-10 a TWILIO_FROM that is not E.164 is refused', () => {
    expect(() => smsGatewayFromEnv({ ...twilioEnv, TWILIO_FROM: '406-555-0100' })).toThrow(/TWILIO_FROM/);
  });

  it('MT-10 a TWILIO_BASE_URL that is not http(s) is refused', () => {
    expect(() => smsGatewayFromEnv({ ...twilioEnv, TWILIO_BASE_URL: 'ftp://example.org' })).toThrow(/TWILIO_BASE_URL/);
  });

  it('MT-10 simulator sends are kept in memory with a SIM provider id', async () => {
    const gateway = new SimulatorGateway();
    const first = await gateway.send({ to: '+14065550123', body: 'Reply YES to sign' });
    const second = await gateway.send({ to: '+14065550123', body: 'Your code is 123456' });
    expect(first.providerId).toMatch(/^SIM[0-9a-f]{32}$/);
    expect(second.providerId).not.toBe(first.providerId);
    expect(gateway.sent).toEqual([
      { to: '+14065550123', body: 'Reply YES to sign' },
      { to: '+14065550123', body: 'Your code is 123456' },
    ]);
    await expect(gateway.send({ to: '406-555-0123', body: 'x' })).rejects.toThrow(/E\.164/);
    expect(gateway.sent).toHaveLength(2);
  });
});

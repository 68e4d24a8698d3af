import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { parseTwilioInbound, TwilioGateway, twilioSignature, verifyTwilioSignature } from './sms.twilio.js';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  form: URLSearchParams;
}
type Reply = (res: ServerResponse) => void;

const json =
  (status: number, body: unknown): Reply =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

/** A local stand-in for Twilio's Messages endpoint: records the request, answers with `reply`. */
let server: Server;
let baseUrl: string;
let seen: Seen[];
let reply: Reply;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: new URLSearchParams(raw),
      });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen = [];
  reply = json(201, { sid: 'SM123', status: 'queued' });
});

const gateway = (extra: { timeoutMs?: number } = {}) =>
  new TwilioGateway({ accountSid: 'AC0001', authToken: 's3cret', from: '+14065550100', baseUrl, ...extra });

describe('MT-10 sending a text message through Twilio', () => {
  it('MT-10 POSTs To, From and Body as a form with Basic auth and returns the message sid', async () => {
    const result = await gateway().send({ to: '+14065550123', body: 'Reply YES to sign your consent & more' });
    expect(result).toEqual({ providerId: 'SM123' });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/2010-04-01/Accounts/AC0001/Messages.json');
    expect(req?.authorization).toBe(`Basic ${Buffer.from('AC0001:s3cret').toString('base64')}`);
    expect(req?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(req?.form ?? [])).toEqual({
      To: '+14065550123',
      From: '+14065550100',
      Body: 'Reply YES to sign your consent & more',
    });
  });

  it('MT-10 a trailing slash on the base URL does not change the path', async () => {
    await new TwilioGateway({
      accountSid: 'AC0001',
      authToken: 't',
      from: '+14065550100',
      baseUrl: `${baseUrl}/`,
    }).send({ to: '+14065550123', body: 'hi' });
    expect(seen[0]?.url).toBe('/2010-04-01/Accounts/AC0001/Messages.json');
  });

  it("MT-10 a 400 from Twilio throws the provider's message", async () => {
    reply = json(400, { code: 21211, message: 'The To number is not a valid phone number.', status: 400 });
    await expect(gateway().send({ to: '+14065550123', body: 'hi' })).rejects.toThrow(
      'The To number is not a valid phone number.',
    );
  });

  it('MT-10 a non-JSON error answer still throws, naming the HTTP status', async () => {
    reply = (res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>down</h1>');
    await expect(gateway().send({ to: '+14065550123', body: 'hi' })).rejects.toThrow(/HTTP 503/);
  });

  it('MT-10 a Twilio that never answers fails after the timeout', async () => {
    reply = () => {}; // keep the request open
    await expect(gateway({ timeoutMs: 200 }).send({ to: '+14065550123', body: 'hi' })).rejects.toThrow(
      /did not answer within 200 ms/,
    );
  });

  it('MT-10 a number that is not E.164 is refused before anything is sent', async () => {
    await expect(gateway().send({ to: '406-555-0123', body: 'hi' })).rejects.toThrow(/E\.164/);
    expect(seen).toHaveLength(0);
  });
});

describe('MT-10 X-Twilio-Signature on incoming webhooks', () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  };

  it("MT-10 matches the worked example in Twilio's security docs", () => {
    // Also checked with: printf '%s' "$url$sortedParams" | openssl dgst -sha1 -hmac 12345 -binary | base64
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    // The same example with the +14158675310 caller, as twilio-node's own tests sign it.
    const other = { ...params, Caller: '+14158675310', From: '+14158675310' };
    expect(twilioSignature('12345', url, other)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('MT-10 parameter order does not matter: names are sorted', () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(twilioSignature('12345', url, reversed)).toBe(twilioSignature('12345', url, params));
  });

  it('MT-10 a signature it computed verifies; a tampered param, URL, token or signature does not', () => {
    const signature = twilioSignature('s3cret', url, params);
    expect(verifyTwilioSignature('s3cret', url, params, signature)).toBe(true);
    expect(verifyTwilioSignature('s3cret', url, { ...params, Digits: '9999' }, signature)).toBe(false);
    expect(verifyTwilioSignature('s3cret', url, { ...params, Extra: '' }, signature)).toBe(false);
    expect(verifyTwilioSignature('s3cret', 'https://mycompany.com/myapp.php', params, signature)).toBe(false);
    expect(verifyTwilioSignature('other', url, params, signature)).toBe(false);
    expect(verifyTwilioSignature('s3cret', url, params, signature.slice(0, -1))).toBe(false);
    expect(verifyTwilioSignature('s3cret', url, params, '')).toBe(false);
  });
});

describe('MT-10 reading a client reply from the incoming-message webhook', () => {
  const form = {
    MessageSid: 'SM9f0c',
    AccountSid: 'AC0001',
    From: '+14065550123',
    To: '+14065550100',
    Body: ' yes ',
    NumMedia: '0',
  };

  it('MT-10 takes From, To, Body and MessageSid, leaving the body as typed', () => {
    expect(parseTwilioInbound(form)).toEqual({
      from: '+14065550123',
      to: '+14065550100',
      body: ' yes ',
      providerId: 'SM9f0c',
    });
  });

  it('MT-10 an empty Body (picture-only message) is accepted', () => {
    expect(parseTwilioInbound({ ...form, Body: '' }).body).toBe('');
  });

  it.each(['From', 'To', 'Body', 'MessageSid'] as const)('MT-10 a missing %s is a 400 naming body.%s', (name) => {
    const { [name]: _left, ...rest } = form;
    let caught: unknown;
    try {
      parseTwilioInbound(rest);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(400);
    expect((caught as AppError).fields).toEqual([{ field: `body.${name}`, message: 'is required' }]);
  });
});

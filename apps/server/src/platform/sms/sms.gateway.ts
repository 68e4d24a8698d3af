/** MT-10: a text message leaving Portico; `to` is always E.164 (e.g. +14065550123). */
export interface OutboundSms {
  to: string;
  body: string;
}

/** The edge to a text-message provider: Twilio in production, the simulator everywhere else. */
export interface SmsGateway {
  readonly kind: 'twilio' | 'simulator';
  /** The number clients see the message come from, E.164. */
  readonly from: string;
  send(msg: OutboundSms): Promise<{ providerId: string }>;
  /** Is this webhook call really from the provider? (The simulator has no webhook: always false.) */
  verifyInbound(url: string, params: Record<string, string>, signature: string | undefined): boolean;
}

/** A client's reply (e.g. "YES"), as the provider's webhook delivered it. */
export interface InboundSms {
  from: string;
  to: string;
  body: string;
  providerId: string;
}

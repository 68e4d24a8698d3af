import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { SessionStage } from '../modules/identity/identity.table.js';
import type { Actor } from '../platform/access/actor.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Background } from '../platform/jobs/background.js';
import type { MailDelivery } from '../platform/notify/mail.js';
import type { SmsGateway } from '../platform/sms/sms.gateway.js';

/** What the app is built from; tests pass their own. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mail: MailDelivery;
  background: Background;
  /** Text messages (MT-10): Twilio, or the simulator. */
  sms: SmsGateway;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Tasks requests started without waiting (see platform/jobs/background.ts). */
    background: Background;
  }
  interface FastifyRequest {
    /** Set by `requireActor`: the signed-in user acting as one program. */
    actor: Actor;
    /** Set by `requireUser`: the signed-in user, whether or not a program is chosen. */
    sessionUser: {
      userId: string;
      email: string;
      name: string;
      tokenHash: string;
      programId: string | null;
      stage: SessionStage | null;
    };
  }
}

import type { AuthorizerKind, ConsentMethod, ConsentStatus } from '@portico/shared';

/** A program named on a consent: it may see the client and receive a referral (MT-9). */
export interface ConsentProgram {
  id: string;
  name: string;
  organizationName: string;
}

/** MT-10 text-message signature in progress; the phone is masked but for its last 4 digits. */
export interface ConsentSms {
  phone: string;
  state: 'awaiting_reply' | 'code_sent' | 'verified' | 'locked';
  codeExpiresAt: string | null;
  attemptsLeft: number;
  codesSent: number;
}

/** MT-10: the uploaded scan of the signed paper form. */
export interface ConsentDocument {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** A consent as the API answers (see apps/server/src/modules/consents/consents.schema.ts). */
export interface Consent {
  id: string;
  clientId: string;
  status: ConsentStatus;
  /** Signed and valid now: the programs on it may receive a referral. */
  valid: boolean;
  /** False while something is missing, e.g. a paper signature without its upload. */
  complete: boolean;
  createdByProgramId: string;
  programs: ConsentProgram[];
  infoTypes: string[];
  sensitiveTypes: string[];
  authorizerKind: AuthorizerKind | string;
  authorizerName: string;
  authorizerRelationship: string | null;
  method: ConsentMethod | null;
  signerName: string | null;
  signedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  sms: ConsentSms | null;
  document: ConsentDocument | null;
  /** The acting program may sign, upload and revoke. */
  canManage: boolean;
  createdAt: string;
}

/** One text message of the simulator's conversation. */
export interface SimulatorMessage {
  id: string;
  direction: 'outbound' | 'inbound';
  from: string;
  to: string;
  body: string;
  createdAt: string;
}

/** GET /api/sms/simulator: the numbers texted (newest first) and one number's conversation. */
export interface SimulatorState {
  phones: string[];
  messages: SimulatorMessage[];
}

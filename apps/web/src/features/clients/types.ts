/** MT-8: which sections of a profile are complete. */
export interface Completeness {
  personal: boolean;
  contact: boolean;
  coverage: boolean;
}

/** A client as GET /api/clients/:id answers (MT-8 profile, CI-1 coverage). */
export interface Client {
  id: string;
  organizationId: string;
  createdByProgramId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  genderIdentity: string | null;
  race: string[];
  militaryService: string | null;
  phone: string | null;
  noPhone: boolean;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  county: string | null;
  postalCode: string | null;
  noFixedAddress: boolean;
  memberId: string | null;
  coverageStart: string | null;
  coverageEnd: string | null;
  coverageType: string | null;
  coverageStatus: string | null;
  product: string | null;
  mergedIntoId: string | null;
  completeness: Completeness;
  createdAt: string;
  updatedAt: string;
}

/** MT-7: a likely duplicate; a person known only to another program comes without their details. */
export interface DuplicateCandidate {
  score: number;
  reasons: string[];
  visible: boolean;
  client: Client | null;
  candidateToken: string | null;
}

/** What the search criteria are, as the page's URL holds them (MT-7, CI-1). */
export interface ClientSearch {
  q?: string;
  memberId?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
}

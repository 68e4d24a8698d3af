/** A service term as the directory shows it. */
export interface Term {
  id: string;
  code: string;
  name: string;
}

/** A top-level term with the terms under it (GET /api/directory/taxonomy). */
export interface TopTerm extends Term {
  children: Term[];
}

export interface Facets {
  regions: string[];
  counties: string[];
}

/** One program as the directory search lists it (MT-9). */
export interface DirectoryEntry {
  id: string;
  name: string;
  organization: { id: string; name: string };
  description: string | null;
  services: Term[];
  counties: string[];
  regions: string[];
  telemedicine: boolean;
  telemedicineCounties: string[];
  matchedByTelemedicine: boolean;
  insurance: string[];
  languages: string[];
  eligibility: string | null;
  hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  city: string | null;
  referralStatus: string;
  agreementValidUntil: string | null;
}

/** The directory fields of a program (GET/PATCH /api/programs/:id). */
export interface ProgramDirectoryFields {
  serviceTermIds: string[];
  telemedicine: boolean;
  telemedicineCounties: string[];
  insurance: string[];
  languages: string[];
  eligibility: string | null;
  hours: string | null;
  agreementValidUntil: string | null;
}

import { createHash } from 'node:crypto';
import type { InsuranceCode } from '@portico/shared';

/** A demo program's directory listing (MT-9): services as Open Eligibility codes. */
interface DemoListing {
  services: string[];
  insurance: InsuranceCode[];
  languages: string[];
  hours: string;
  eligibility: string;
  /** Serves by telemedicine; an empty list accepts every county. */
  telemedicineCounties?: string[];
}

const WEEKDAYS = 'Mon–Fri 8:00–17:00';

/** Listings by demo program key (demo.data.ts); the network offices are listed too, as the guides' are. */
const LISTINGS: Record<string, DemoListing> = {
  'mt-net': {
    services: ['care.case-management'],
    insurance: ['none_required'],
    languages: ['English'],
    hours: WEEKDAYS,
    eligibility: 'Partner agencies of the network.',
  },
  'mt-family': {
    services: ['care.case-management', 'care.caregiver-support', 'goods.baby-supplies'],
    insurance: ['medicaid', 'chip', 'none_required'],
    languages: ['English', 'Spanish'],
    hours: 'Mon–Fri 8:00–18:00, Sat 9:00–12:00',
    eligibility: 'Families with children under 18 in Yellowstone and Carbon counties.',
  },
  'mt-tele': {
    services: ['health.mental-health-care', 'health.addiction-and-recovery'],
    insurance: ['medicaid', 'medicare', 'private', 'ihs'],
    languages: ['English', 'Spanish'],
    hours: 'Mon–Sat 7:00–21:00 by video or phone',
    eligibility: 'Adults 18 and over anywhere in Montana; a phone or internet connection is needed.',
    telemedicineCounties: [],
  },
  'mt-food': {
    services: ['food.food-pantry', 'food.meals', 'emergency.emergency-food'],
    insurance: ['none_required'],
    languages: ['English'],
    hours: 'Tue and Thu 10:00–18:00, Sat 9:00–13:00',
    eligibility: 'Anyone in need; no proof of income required.',
  },
  'mt-housing': {
    services: ['housing.help-find-housing', 'housing.help-pay-for-housing'],
    insurance: ['none_required'],
    languages: ['English'],
    hours: WEEKDAYS,
    eligibility: 'Households experiencing homelessness in Missoula and Ravalli counties.',
    telemedicineCounties: ['Mineral', 'Sanders'],
  },
  'mt-shelter': {
    services: ['housing.temporary-shelter', 'emergency.emergency-shelter'],
    insurance: ['none_required'],
    languages: ['English', 'Spanish'],
    hours: 'Open 24 hours',
    eligibility: 'Adults and families without a safe place to stay tonight.',
  },
  'nd-net': {
    services: ['care.case-management'],
    insurance: ['none_required'],
    languages: ['English'],
    hours: WEEKDAYS,
    eligibility: 'Care coordination programs of the network.',
  },
  'nd-prairie': {
    services: ['care.case-management', 'health.help-pay-for-healthcare', 'money.government-benefits'],
    insurance: ['medicaid', 'medicare', 'private'],
    languages: ['English', 'Somali', 'Arabic'],
    hours: 'Mon–Fri 8:00–17:00',
    eligibility: 'Adults with two or more chronic conditions in Cass and Richland counties.',
  },
  'nd-redriver': {
    services: ['health.addiction-and-recovery', 'care.support-network'],
    insurance: ['medicaid', 'none_required'],
    languages: ['English'],
    hours: 'Mon–Sat 9:00–19:00',
    eligibility: 'Adults in recovery from substance use; self-referrals welcome.',
    telemedicineCounties: ['Nelson', 'Pembina', 'Traill'],
  },
  'nd-badlands': {
    services: ['care.case-management', 'health.medical-care', 'transit.transportation-for-healthcare'],
    insurance: ['medicaid', 'medicare', 'ihs', 'va_tricare'],
    languages: ['English'],
    hours: 'Mon–Fri 8:00–16:30',
    eligibility: 'Residents of Stark and Billings counties.',
  },
  'hp-net': {
    services: ['health.help-pay-for-healthcare'],
    insurance: ['medicaid', 'marketplace'],
    languages: ['English'],
    hours: WEEKDAYS,
    eligibility: 'Network providers.',
  },
  'hp-cascade': {
    services: ['health.medical-care', 'health.prescription-assistance', 'health.health-education'],
    insurance: ['medicaid', 'medicare', 'marketplace', 'private'],
    languages: ['English', 'Spanish', 'Vietnamese'],
    hours: 'Mon–Fri 7:30–19:00, Sat 8:00–12:00',
    eligibility: 'Members of the plan; new patients accepted.',
  },
  'hp-sound': {
    services: ['health.mental-health-care', 'health.addiction-and-recovery'],
    insurance: ['medicaid', 'marketplace', 'private'],
    languages: ['English', 'Korean'],
    hours: 'Mon–Thu 9:00–20:00, Fri 9:00–17:00',
    eligibility: 'Members 13 and over; telehealth sessions across Western Washington.',
    telemedicineCounties: ['King', 'Pierce', 'Snohomish', 'Thurston', 'Kitsap'],
  },
  'hp-olympic': {
    services: ['care.in-home-support', 'care.caregiver-support', 'goods.medical-supplies'],
    insurance: ['medicaid', 'medicare'],
    languages: ['English'],
    hours: 'Visits 7 days a week, office Mon–Fri 8:00–17:00',
    eligibility: 'Members who need help at home after a hospital stay or with daily living.',
  },
  'ncc-net': {
    services: ['care.case-management'],
    insurance: ['none_required'],
    languages: ['English'],
    hours: 'Mon–Fri 9:00–17:00',
    eligibility: 'Commissioned providers.',
  },
  'ncc-broadland': {
    services: ['care.residential-care', 'health.end-of-life-care'],
    insurance: ['none_required'],
    languages: ['English', 'Polish'],
    hours: 'Open 24 hours; visiting 10:00–20:00',
    eligibility: 'Adults assessed as needing residential care; council-funded and self-funded places.',
  },
  'ncc-waveney': {
    services: ['care.in-home-support', 'care.caregiver-support'],
    insurance: ['none_required'],
    languages: ['English', 'Lithuanian'],
    hours: 'Calls 7:00–22:00, 7 days a week',
    eligibility: 'Adults in Great Yarmouth with an assessed care and support plan.',
  },
  'ncc-fenland': {
    services: ['care.daytime-care', 'work.skills-and-training'],
    insurance: ['none_required'],
    languages: ['English', 'Portuguese'],
    hours: 'Mon–Fri 9:30–15:30',
    eligibility: 'Adults with learning disabilities or dementia; transport can be arranged.',
  },
  'def-net': {
    services: ['care.case-management'],
    insurance: ['none_required'],
    languages: ['English', 'Spanish'],
    hours: WEEKDAYS,
    eligibility: 'Partner organizations of the network.',
  },
  'def-harbor': {
    services: ['care.case-management', 'education.preschool', 'goods.baby-supplies', 'food.help-pay-for-food'],
    insurance: ['medicaid', 'chip', 'none_required'],
    languages: ['English', 'Spanish', 'Khmer'],
    hours: 'Mon–Fri 9:00–18:00',
    eligibility: 'Families with children under 6 in Los Angeles County.',
  },
  'def-legal': {
    services: ['legal.advocacy-and-legal-aid', 'legal.legal-representation', 'housing.housing-advice'],
    insurance: ['none_required'],
    languages: ['English', 'Spanish', 'Hmong', 'Punjabi'],
    hours: 'Mon–Thu 9:00–17:00; clinic by video on Fridays',
    eligibility: 'Tenants facing eviction with income under 200% of the federal poverty level.',
    telemedicineCounties: [],
  },
  'def-meals': {
    services: ['food.food-delivery', 'food.meals', 'food.nutrition-education'],
    insurance: ['medicare', 'medicaid', 'none_required'],
    languages: ['English', 'Spanish'],
    hours: 'Deliveries Mon–Fri 10:00–13:00',
    eligibility: 'Adults 60 and over, or homebound adults with a disability, in Riverside County.',
  },
};

/** A shipped Open Eligibility term's id: md5('open-eligibility:' || code) as a uuid (migration 0009). */
function termId(code: string): string {
  const h = createHash('md5').update(`open-eligibility:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The directory columns of a demo program, ready to insert (empty for a program without a listing). */
export function directoryFieldsOf(programKey: string) {
  const l = LISTINGS[programKey];
  if (!l) return {};
  return {
    serviceTermIds: l.services.map(termId),
    insurance: l.insurance,
    languages: l.languages,
    hours: l.hours,
    eligibility: l.eligibility,
    telemedicine: l.telemedicineCounties !== undefined,
    telemedicineCounties: l.telemedicineCounties ?? [],
  };
}

import type { PresetCode, RoleCode } from '@portico/shared';

export interface DemoProgram {
  key: string;
  name: string;
  city: string;
  state: string;
  regions: string[];
  counties: string[];
  phone: string;
  referralStatus?: 'open' | 'closed';
}
export interface DemoOrganization {
  name: string;
  programs: DemoProgram[];
}
export interface DemoUser {
  email: string;
  name: string;
  /** Memberships as program key → roles. */
  memberships: [string, RoleCode[]][];
}
export interface DemoNetwork {
  preset: PresetCode;
  name: string;
  organizations: DemoOrganization[];
  users: DemoUser[];
  clientCounties: string[];
}

const p = (
  key: string,
  name: string,
  city: string,
  state: string,
  region: string,
  counties: string[],
  phone: string,
): DemoProgram => ({
  key,
  name,
  city,
  state,
  regions: [region],
  counties,
  phone,
});

/** One demo network per preset; every user's password is the demo password. */
export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    preset: 'mt-referral-network',
    name: 'Montana CONNECT (demo)',
    organizations: [
      {
        name: 'CONNECT Network Team',
        programs: [
          p('mt-net', 'Network administration', 'Helena', 'MT', 'Statewide', ['Lewis and Clark'], '406-555-0100'),
        ],
      },
      {
        name: 'Big Sky Family Services',
        programs: [
          p(
            'mt-family',
            'Family Support Billings',
            'Billings',
            'MT',
            'South Central',
            ['Yellowstone', 'Carbon'],
            '406-555-0110',
          ),
          p('mt-tele', 'Telehealth Counseling', 'Billings', 'MT', 'Statewide', ['Yellowstone'], '406-555-0111'),
        ],
      },
      {
        name: 'Helena Food Bank',
        programs: [
          p('mt-food', 'Food Pantry', 'Helena', 'MT', 'West Central', ['Lewis and Clark', 'Jefferson'], '406-555-0120'),
        ],
      },
      {
        name: 'Missoula Housing Partners',
        programs: [
          p('mt-housing', 'Rapid Rehousing', 'Missoula', 'MT', 'Western', ['Missoula', 'Ravalli'], '406-555-0130'),
          p('mt-shelter', 'Emergency Shelter', 'Missoula', 'MT', 'Western', ['Missoula'], '406-555-0131'),
        ],
      },
    ],
    users: [
      { email: 'admin@mt.demo.test', name: 'Morgan Admin', memberships: [['mt-net', ['network_admin']]] },
      { email: 'gatekeeper@mt.demo.test', name: 'Grace Gatekeeper', memberships: [['mt-family', ['mt_gatekeeper']]] },
      { email: 'provider@mt.demo.test', name: 'Pat Provider', memberships: [['mt-family', ['mt_provider']]] },
      {
        email: 'both@mt.demo.test',
        name: 'Bailey Both',
        memberships: [['mt-housing', ['mt_gatekeeper', 'mt_provider']]],
      },
      { email: 'shelter@mt.demo.test', name: 'Sam Shelter', memberships: [['mt-shelter', ['mt_gatekeeper']]] },
      {
        email: 'multi@mt.demo.test',
        name: 'Max Multi',
        memberships: [
          ['mt-tele', ['mt_provider']],
          ['mt-food', ['mt_gatekeeper']],
        ],
      },
    ],
    clientCounties: ['Yellowstone', 'Missoula', 'Lewis and Clark'],
  },
  {
    preset: 'nd-care-coordination',
    name: 'North Dakota Community Connect (demo)',
    organizations: [
      {
        name: 'Community Connect Program Office',
        programs: [p('nd-net', 'Program administration', 'Bismarck', 'ND', 'Region 7', ['Burleigh'], '701-555-0100')],
      },
      {
        name: 'Prairie Care Coordination',
        programs: [
          p('nd-prairie', 'Care Coordination Fargo', 'Fargo', 'ND', 'Region 5', ['Cass', 'Richland'], '701-555-0110'),
        ],
      },
      {
        name: 'Red River Recovery',
        programs: [
          p(
            'nd-redriver',
            'Peer Recovery Grand Forks',
            'Grand Forks',
            'ND',
            'Region 4',
            ['Grand Forks', 'Walsh'],
            '701-555-0120',
          ),
        ],
      },
      {
        name: 'Badlands Community Health',
        programs: [
          p(
            'nd-badlands',
            'Care Coordination Dickinson',
            'Dickinson',
            'ND',
            'Region 8',
            ['Stark', 'Billings'],
            '701-555-0130',
          ),
        ],
      },
    ],
    users: [
      { email: 'admin@nd.demo.test', name: 'Nora Admin', memberships: [['nd-net', ['network_admin']]] },
      { email: 'master@nd.demo.test', name: 'Mason Master', memberships: [['nd-prairie', ['nd_master_admin']]] },
      { email: 'support@nd.demo.test', name: 'Sofia Support', memberships: [['nd-prairie', ['nd_support_admin']]] },
      {
        email: 'coordinator@nd.demo.test',
        name: 'Cole Coordinator',
        memberships: [['nd-prairie', ['nd_care_coordinator']]],
      },
      { email: 'peer@nd.demo.test', name: 'Piper Peer', memberships: [['nd-redriver', ['nd_peer_support']]] },
    ],
    clientCounties: ['Cass', 'Grand Forks', 'Stark'],
  },
  {
    preset: 'health-plan',
    name: 'Evergreen Health Plan (demo)',
    organizations: [
      {
        name: 'Evergreen Care Management',
        programs: [p('hp-net', 'Provider relations', 'Olympia', 'WA', 'Statewide', ['Thurston'], '360-555-0100')],
      },
      {
        name: 'Cascade Primary Care',
        programs: [p('hp-cascade', 'Cascade Clinic', 'Tacoma', 'WA', 'South Sound', ['Pierce'], '253-555-0110')],
      },
      {
        name: 'Sound Behavioral Health',
        programs: [p('hp-sound', 'Outpatient Counseling', 'Seattle', 'WA', 'King', ['King'], '206-555-0120')],
      },
      {
        name: 'Olympic Home Care',
        programs: [
          p(
            'hp-olympic',
            'Home Care Services',
            'Port Angeles',
            'WA',
            'Olympic',
            ['Clallam', 'Jefferson'],
            '360-555-0130',
          ),
        ],
      },
    ],
    users: [
      { email: 'admin@hp.demo.test', name: 'Harper Admin', memberships: [['hp-net', ['network_admin']]] },
      { email: 'staff@hp.demo.test', name: 'Sam Staff', memberships: [['hp-cascade', ['hp_provider_staff']]] },
      { email: 'counselor@hp.demo.test', name: 'Casey Counselor', memberships: [['hp-sound', ['hp_provider_staff']]] },
    ],
    clientCounties: ['Pierce', 'King', 'Clallam'],
  },
  {
    preset: 'council-payments',
    name: 'Norfolk Council Care Payments (demo)',
    organizations: [
      {
        name: 'Council Commissioning Team',
        programs: [
          p('ncc-net', 'Contracts and payments', 'Norwich', 'Norfolk', 'Central', ['Norwich'], '01603 555 100'),
        ],
      },
      {
        name: 'Broadland Care Homes',
        programs: [
          p('ncc-broadland', 'Residential Care', 'Norwich', 'Norfolk', 'Broadland', ['Broadland'], '01603 555 110'),
        ],
      },
      {
        name: 'Waveney Home Support',
        programs: [
          p('ncc-waveney', 'Home Support', 'Great Yarmouth', 'Norfolk', 'East', ['Great Yarmouth'], '01493 555 120'),
        ],
      },
      {
        name: 'Fenland Day Services',
        programs: [
          p(
            'ncc-fenland',
            'Day Opportunities',
            "King's Lynn",
            'Norfolk',
            'West',
            ["King's Lynn and West Norfolk"],
            '01553 555 130',
          ),
        ],
      },
    ],
    users: [
      { email: 'admin@ncc.demo.test', name: 'Nico Admin', memberships: [['ncc-net', ['network_admin']]] },
      {
        email: 'actuals@ncc.demo.test',
        name: 'Alex Actuals',
        memberships: [['ncc-broadland', ['ncc_super_user_actuals']]],
      },
      {
        email: 'scheduled@ncc.demo.test',
        name: 'Skye Scheduled',
        memberships: [['ncc-broadland', ['ncc_super_user_scheduled']]],
      },
      { email: 'payments@ncc.demo.test', name: 'Parker Payments', memberships: [['ncc-broadland', ['ncc_payments']]] },
      {
        email: 'administration@ncc.demo.test',
        name: 'Ash Administration',
        memberships: [['ncc-broadland', ['ncc_administration']]],
      },
      { email: 'reports@ncc.demo.test', name: 'Remy Reports', memberships: [['ncc-broadland', ['ncc_reports']]] },
      { email: 'invoices@ncc.demo.test', name: 'Indy Invoices', memberships: [['ncc-waveney', ['ncc_invoice_only']]] },
      { email: 'readonly@ncc.demo.test', name: 'Robin Readonly', memberships: [['ncc-broadland', ['ncc_read_only']]] },
    ],
    clientCounties: ['Broadland', 'Great Yarmouth', 'Norwich'],
  },
  {
    preset: 'default',
    name: 'Riverside Community Network (demo)',
    organizations: [
      {
        name: 'Riverside Network Office',
        programs: [p('def-net', 'Network office', 'Riverside', 'CA', 'Central', ['Riverside'], '951-555-0100')],
      },
      {
        name: 'Harbor Family Center',
        programs: [
          p('def-harbor', 'Family Navigation', 'Long Beach', 'CA', 'Coastal', ['Los Angeles'], '562-555-0110'),
        ],
      },
      {
        name: 'Valley Legal Aid',
        programs: [p('def-legal', 'Tenant Legal Help', 'Fresno', 'CA', 'Valley', ['Fresno', 'Madera'], '559-555-0120')],
      },
      {
        name: 'Desert Meals on Wheels',
        programs: [
          p('def-meals', 'Home-Delivered Meals', 'Palm Springs', 'CA', 'Desert', ['Riverside'], '760-555-0130'),
        ],
      },
    ],
    users: [
      { email: 'admin@default.demo.test', name: 'Dana Admin', memberships: [['def-net', ['network_admin']]] },
      {
        email: 'gatekeeper@default.demo.test',
        name: 'Glen Gatekeeper',
        memberships: [['def-harbor', ['mt_gatekeeper']]],
      },
      { email: 'provider@default.demo.test', name: 'Priya Provider', memberships: [['def-legal', ['mt_provider']]] },
      {
        email: 'navigator@default.demo.test',
        name: 'Nico Navigator',
        memberships: [['def-harbor', ['mt_provider']]],
      },
      { email: 'readonly@default.demo.test', name: 'Reese Readonly', memberships: [['def-meals', ['ncc_read_only']]] },
    ],
    clientCounties: ['Los Angeles', 'Fresno', 'Riverside'],
  },
];

/** Plausible made-up names for demo clients. */
export const DEMO_FIRST_NAMES = [
  'Avery',
  'Jordan',
  'Taylor',
  'Riley',
  'Quinn',
  'Rowan',
  'Emerson',
  'Hayden',
  'Jamie',
  'Kendall',
  'Logan',
  'Micah',
];
export const DEMO_LAST_NAMES = [
  'Nguyen',
  'Running Crane',
  'Olsen',
  'Garcia',
  'Whitehorse',
  'Peterson',
  'Kowalski',
  'Baker',
  'Hansen',
  'Lopez',
  'Schmidt',
  'Brooks',
];

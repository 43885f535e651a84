// Words the demo builds people and organisations from. All invented; domains use the reserved .example TLD
// so no demo address can ever reach a real inbox.

export const GIVEN_NAMES = [
  'Ada', 'Adebayo', 'Aiko', 'Alejandro', 'Amara', 'Amir', 'Ana', 'Anders', 'Anika', 'Arjun', 'Astrid', 'Aylin',
  'Beatriz', 'Ben', 'Bilal', 'Camille', 'Carlos', 'Chen', 'Chiara', 'Chloé', 'Chinwe', 'Clara', 'Daniel', 'Dara',
  'David', 'Deepa', 'Diego', 'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emma', 'Erik', 'Esther', 'Fatima', 'Felix',
  'Fiona', 'Francesca', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isaac',
  'Isabel', 'Jakob', 'James', 'Jana', 'Javier', 'Jia', 'Joanna', 'Jonas', 'José', 'Julia', 'Kai', 'Kamala',
  'Karim', 'Katarzyna', 'Kenji', 'Kofi', 'Laila', 'Lars', 'Laura', 'Leila', 'Leo', 'Lina', 'Lucas', 'Lucía',
  'Malik', 'Maria', 'Marco', 'Marta', 'Mateo', 'Maya', 'Mei', 'Mikael', 'Mira', 'Mohammed', 'Nadia', 'Naomi',
  'Nia', 'Nikolai', 'Noah', 'Nora', 'Olga', 'Oliver', 'Omar', 'Paolo', 'Priya', 'Rafael', 'Rahul', 'Rania',
  'Rosa', 'Ruth', 'Sade', 'Samuel', 'Sana', 'Sara', 'Sebastian', 'Shreya', 'Simone', 'Sofia', 'Sophie',
  'Tariq', 'Tereza', 'Thomas', 'Tomás', 'Uma', 'Valentina', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zainab', 'Zoe',
] as const;

export const FAMILY_NAMES = [
  'Abara', 'Adeyemi', 'Ahmed', 'Almeida', 'Andersson', 'Bakker', 'Banerjee', 'Barros', 'Becker', 'Bianchi',
  'Brennan', 'Castillo', 'Chatterjee', 'Chen', 'Costa', 'Dąbrowski', 'Delgado', 'Dubois', 'Eriksen', 'Fernández',
  'Fischer', 'Fitzgerald', 'Fontaine', 'García', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen', 'Hashemi', 'Hernández',
  'Hoffmann', 'Huang', 'Ibrahim', 'Ivanova', 'Jansen', 'Johansson', 'Kaur', 'Kawamura', 'Khan', 'Kim', 'Kowalski',
  'Kumar', 'Laurent', 'Lee', 'Lindqvist', 'Lopez', 'Mahmoud', 'Martin', 'Mendes', 'Meyer', 'Moreau', 'Müller',
  'Murphy', 'Nakamura', 'Navarro', 'Nguyen', 'Nielsen', 'Novak', 'Nowak', 'Obi', 'Okafor', 'Okonkwo', 'Olsen',
  'Ortiz', 'Osei', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quinn', 'Rahman', 'Ramos', 'Reddy', 'Rossi',
  'Russo', 'Sato', 'Schmidt', 'Schneider', 'Silva', 'Singh', 'Sokolov', 'Suzuki', 'Svensson', 'Takahashi',
  'Tanaka', 'Torres', 'Van Dijk', 'Varga', 'Vasquez', 'Visser', 'Wagner', 'Walsh', 'Wang', 'Weber', 'Wilson',
  'Wójcik', 'Yamamoto', 'Yilmaz', 'Young', 'Zhang', 'Zhou', 'Zimmermann',
] as const;

export const INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');

export const CITIES = [
  'London', 'Manchester', 'Edinburgh', 'Dublin', 'Amsterdam', 'Berlin', 'Munich', 'Paris', 'Lyon', 'Madrid',
  'Barcelona', 'Lisbon', 'Milan', 'Stockholm', 'Copenhagen', 'Warsaw', 'Prague', 'Vienna', 'Zurich', 'Lagos',
  'Nairobi', 'Toronto', 'New York', 'Boston', 'Austin', 'San Francisco', 'Singapore', 'Bangalore', 'Tokyo', 'Sydney',
] as const;

export const INDUSTRIES = [
  'Software', 'Finance', 'Consulting', 'Education', 'Government', 'Regulation', 'Healthcare', 'Logistics',
  'Energy', 'Media', 'Construction', 'Manufacturing', 'Retail', 'Non-profit',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

// The dozen every demo has: the first is "my organisation".
export const NAMED_ORGANISATIONS: readonly { name: string; industry: Industry; notes: string | null }[] = [
  { name: 'Brightwave Systems', industry: 'Software', notes: 'Where I work: B2B analytics software, about 400 people.' },
  { name: 'Northstar Capital', industry: 'Finance', notes: 'Growth-stage investor; backs climate and logistics software.' },
  { name: 'Meridian Consulting', industry: 'Consulting', notes: null },
  { name: 'Westhaven University', industry: 'Education', notes: 'My alma mater; strong executive-education programme.' },
  { name: 'National Innovation Agency', industry: 'Government', notes: 'Runs the innovation grants we apply for.' },
  { name: 'Professional Standards Board', industry: 'Regulation', notes: 'Licenses data-protection officers.' },
  { name: 'Helix Health', industry: 'Healthcare', notes: null },
  { name: 'Orbital Logistics', industry: 'Logistics', notes: 'Potential pilot partner for route optimisation.' },
  { name: 'Greenleaf Energy', industry: 'Energy', notes: 'Climate-tech scale-up; hiring product leaders.' },
  { name: 'Lumen Media', industry: 'Media', notes: null },
  { name: 'Atlas Build', industry: 'Construction', notes: null },
  { name: 'Quanta Robotics', industry: 'Manufacturing', notes: null },
];

export const ORGANISATION_STEMS = [
  'Acorn', 'Aether', 'Alder', 'Amber', 'Apex', 'Arbor', 'Argent', 'Aspen', 'Aurora', 'Beacon', 'Birch', 'Blue Harbour',
  'Bluepeak', 'Bramble', 'Cedar', 'Cobalt', 'Copper', 'Coral', 'Crescent', 'Crest', 'Delta', 'Ember', 'Evergreen',
  'Falcon', 'Fernway', 'Fjord', 'Foxglove', 'Granite', 'Harbor', 'Hawthorn', 'Horizon', 'Indigo', 'Iris', 'Ironwood',
  'Juniper', 'Keystone', 'Kestrel', 'Lantern', 'Larch', 'Linden', 'Lodestar', 'Maple', 'Marlin', 'Mosaic', 'Nimbus',
  'Northwind', 'Oakridge', 'Onyx', 'Orchid', 'Osprey', 'Pebble', 'Pine', 'Polaris', 'Prism', 'Quarry', 'Quill',
  'Raven', 'Redwood', 'Ridge', 'Riverbend', 'Rowan', 'Saffron', 'Sage', 'Sequoia', 'Silverline', 'Solstice',
  'Sparrow', 'Spruce', 'Summit', 'Tamarack', 'Tidal', 'Timber', 'Topaz', 'Trillium', 'Tundra', 'Umber', 'Vantage',
  'Verdant', 'Vertex', 'Willow', 'Wren', 'Zenith', 'Zephyr',
] as const;

export const ORGANISATION_SUFFIXES: Record<Industry, readonly string[]> = {
  Software: ['Software', 'Labs', 'Analytics', 'Cloud', 'Data', 'Systems', 'AI'],
  Finance: ['Capital', 'Partners', 'Ventures', 'Bank', 'Asset Management', 'Advisors'],
  Consulting: ['Consulting', 'Advisory', 'Strategy Group', 'Associates'],
  Education: ['University', 'College', 'Academy', 'Institute', 'Business School'],
  Government: ['Council', 'Agency', 'Department', 'Authority'],
  Regulation: ['Standards Board', 'Regulatory Office', 'Licensing Authority', 'Commission'],
  Healthcare: ['Health', 'Medical', 'Clinics', 'Therapeutics', 'Care'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Supply'],
  Energy: ['Energy', 'Power', 'Renewables', 'Grid'],
  Media: ['Media', 'Studios', 'Press', 'Publishing'],
  Construction: ['Build', 'Construction', 'Engineering', 'Architects'],
  Manufacturing: ['Robotics', 'Manufacturing', 'Industries', 'Materials'],
  Retail: ['Retail', 'Stores', 'Market', 'Brands'],
  'Non-profit': ['Foundation', 'Trust', 'Initiative', 'Collective'],
};

// What each connection type typically does for a living, and where.
export const TITLES: Record<string, readonly string[]> = {
  'direct-supervisor': ['Director of Product', 'VP Engineering', 'Head of Analytics'],
  colleague: ['Product Manager', 'Senior Engineer', 'Data Scientist', 'UX Designer', 'Engineering Manager', 'QA Lead', 'Product Designer', 'Staff Engineer', 'Data Engineer', 'Technical Writer'],
  interdepartmental: ['Finance Business Partner', 'HR Business Partner', 'Legal Counsel', 'Sales Director', 'Customer Success Lead', 'Marketing Manager', 'Procurement Manager', 'Security Officer'],
  consultant: ['Senior Consultant', 'Principal Consultant', 'Engagement Manager', 'Partner'],
  contractor: ['Founder', 'Lead Contractor', 'Freelance Designer', 'Managing Director', 'Operations Lead'],
  'financial-expert': ['Investment Manager', 'CFO', 'Tax Advisor', 'Venture Partner', 'Financial Controller'],
  'government-body': ['Policy Advisor', 'Programme Manager', 'Innovation Lead', 'Head of Digital Services'],
  'licensing-authority': ['Registrar', 'Standards Officer', 'Head of Licensing', 'Compliance Assessor'],
  mentor: ['CTO', 'Chief Product Officer', 'VP Product', 'Managing Partner', 'Non-executive Director'],
  educator: ['Professor of Information Systems', 'Senior Lecturer', 'Programme Director', 'Executive Coach'],
  family: [],
  friend: ['Architect', 'Teacher', 'Nurse', 'Journalist', 'Software Engineer', 'Chef', 'Photographer', 'Researcher'],
  alumni: ['Product Lead', 'Strategy Manager', 'Founder', 'Analyst', 'Research Scientist', 'Operations Manager'],
  'former-colleague': ['Engineering Manager', 'Product Director', 'Head of Data', 'Principal Engineer', 'COO'],
  'association-peer': ['Head of Product', 'Chief Data Officer', 'Product Coach', 'Director of Strategy', 'CEO'],
};

// Relative weights of connection types in a working professional's network.
export const TYPE_WEIGHTS: Record<string, number> = {
  'direct-supervisor': 0.5, colleague: 14, interdepartmental: 8, consultant: 5, contractor: 5, 'financial-expert': 4,
  'government-body': 3, 'licensing-authority': 2, mentor: 4, educator: 4, family: 3, friend: 8, alumni: 7,
  'former-colleague': 8, 'association-peer': 8,
};

// Where a type usually works; anything else goes to a random outside organisation.
export const TYPE_INDUSTRY: Partial<Record<string, Industry>> = {
  consultant: 'Consulting', 'financial-expert': 'Finance', 'government-body': 'Government',
  'licensing-authority': 'Regulation', educator: 'Education',
};

// A personal tie can become strategic (DOMAIN.md §1): the second network some contacts also belong to.
export const SECOND_NETWORK: Record<string, 'operational' | 'personal' | 'strategic'> = {
  operational: 'strategic', personal: 'strategic', strategic: 'personal',
};

export const TAGS = ['ai', 'climate', 'fintech', 'hiring', 'speaker', 'investor', 'open-source', 'board', 'running-club', 'book-club', 'product', 'data', 'design', 'policy'] as const;

export const CONTACT_NOTES = [
  'Loves talking about {topic}. Prefers short emails.',
  'Looking for a new role in {industry}; happy to hear about openings.',
  'Runs a small meetup on {topic}; always needs speakers.',
  'Two kids, big cyclist. Ask about the Alps trip.',
  'Very generous with introductions, make sure to give back.',
  'Writes a monthly newsletter on {topic}, worth reading.',
  'Moving to {city} next year.',
  'Prefers calls to email. Best reached early morning.',
  'Gave great feedback on my promotion case.',
  'Knows everyone in {industry}.',
] as const;

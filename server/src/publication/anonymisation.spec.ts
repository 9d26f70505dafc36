import {
  excerptOf,
  findProblems,
  MAX_EXCERPT,
  practitionersInSource,
  PublicationProblemKind as Kind,
} from './anonymisation';

const people = [
  { name: 'Maisie Ward', aliases: [] },
  { name: 'Leanne Ward', aliases: ['Lee'] },
  { name: 'Mr Jason Bell', aliases: ['Jay'] },
];

function kindsIn(text: string, extra: { practitioners?: string[]; allowed?: string[] } = {}) {
  return findProblems({
    people,
    practitioners: extra.practitioners ?? [],
    allowedNames: extra.allowed ?? [],
    texts: [
      { recordType: 'Episode', recordId: 'k1', field: 'summary', text, fixAt: 'episodes/k1' },
    ],
  }).map((p) => [p.kind, p.excerpt] as const);
}

describe('the anonymisation check', () => {
  it.each([
    ['Maisie was seen at home.', 'Maisie'],
    ['Seen with maisie ward on Tuesday.', 'maisie ward'],
    ["Leanne's partner was present.", "Leanne's"],
    ['WARD family known to agencies.', 'WARD'],
    ['He gave his name as Jay to housing.', 'Jay'],
    ['Jason Bell moved in.', 'Jason Bell'],
    ['Bell’s flat', 'Bell’s'],
    ['Lee did not attend.', 'Lee'],
  ])('finds a real name in %j', (text, found) => {
    const problems = kindsIn(text);
    expect(problems).toHaveLength(1);
    expect(problems[0][0]).toBe(Kind.REAL_NAME);
    expect(problems[0][1]).toContain(found);
  });

  it.each([
    'Child M was seen at home.',
    'Mr B gave his name to housing.',
    'Mother and Sibling 1 attended.',
    'Maisiey and Wardrobe and Bellow and Jayne and Leeds',
    'Mr and Mrs attended.',
  ])('finds no real name in %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });

  it('finds practitioners recorded by the import, without their role', () => {
    expect(practitionersInSource('hv.xlsx, row 2; recorded by HV Patel')).toEqual(['HV Patel']);
    expect(practitionersInSource('Health visiting records')).toEqual([]);
    expect(kindsIn('Discussed with Patel on the phone.', { practitioners: ['HV Patel'] })).toEqual([
      [Kind.PRACTITIONER_NAME, 'Discussed with Patel on the phone.'],
    ]);
    expect(kindsIn('The HV visited.', { practitioners: ['HV Patel'] })).toEqual([]);
    expect(kindsIn('Patelli visited.', { practitioners: ['HV Patel'] })).toEqual([]);
  });

  it.each([
    'DOB 03/04/2019 recorded.',
    'Her d.o.b. was noted',
    'Date of birth: unknown',
    'She was born on 3/4/2019 at home.',
    'born 12th March 2019 in Northmoor',
  ])('finds a date of birth in %j', (text) => {
    expect(kindsIn(text).map(([kind]) => kind)).toEqual([Kind.DATE_OF_BIRTH]);
  });

  it.each([
    'Seen on 3/4/2019 at home.',
    'The baby was born in 2019.',
    'A doberman lived there.',
    'Newborn checks were done on 3 March 2021.',
  ])('finds no date of birth in %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });

  it.each([
    ['Moved to NM1 4AB in May.', 'NM1 4AB'],
    ['Address: SW1A1AA', 'SW1A1AA'],
    ['Leeds LS6 2QT', 'LS6 2QT'],
  ])('finds a postcode in %j', (text, found) => {
    expect(kindsIn(text)).toEqual([[Kind.POSTCODE, expect.stringContaining(found)]]);
  });

  it.each(['Seen at 10am on 14 March.', 'Level 3 training', 'A B12 form'])(
    'finds no postcode in %j',
    (text) => {
      expect(kindsIn(text)).toEqual([]);
    },
  );

  it.each([
    ['Call 07700 900123 any time.', '07700 900123'],
    ['Office on 0161 496 0000.', '0161 496 0000'],
    ['Mobile +44 7700 900123', '+44 7700 900123'],
    ['Ring (020) 7946 0018', '(020) 7946 0018'],
  ])('finds a telephone number in %j', (text, found) => {
    expect(kindsIn(text)).toEqual([[Kind.PHONE, expect.stringContaining(found)]]);
  });

  it.each([
    'Referral 2022-03-14 logged.',
    'About £10,000 of arrears.',
    'Case 12345 closed.',
    'Seen 14/03/2022',
  ])('finds no telephone number in %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });

  it('finds e-mail addresses and not an @ alone', () => {
    expect(kindsIn('Wrote to mother.w@example.co.uk about it.')).toEqual([
      [Kind.EMAIL, expect.stringContaining('mother.w@example.co.uk')],
    ]);
    expect(kindsIn('Met @ the centre.')).toEqual([]);
  });

  it.each([
    ['They lived at 12 Oak Lane until May.', '12 Oak Lane'],
    ['Moved to 3a Station Road, Northmoor.', '3a Station Road'],
    ['at 221 Baker Street', '221 Baker Street'],
    ['Flat at 7 Kings Court.', '7 Kings Court'],
  ])('finds a street address in %j', (text, found) => {
    expect(kindsIn(text)).toEqual([[Kind.ADDRESS, expect.stringContaining(found)]]);
  });

  it.each([
    'Within 15 working days the panel met.',
    'Seen 3 times on the same street.',
    'Moved to a flat on the east side.',
  ])('finds no street address in %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });

  it.each([
    ["Started at St Mary's Primary School in September.", "St Mary's Primary School"],
    ['Registered with Oak Lane Surgery.', 'Oak Lane Surgery'],
    ['Moved to Northmoor Academy.', 'Northmoor Academy'],
    ['Seen at Eastfield Medical Practice.', 'Eastfield Medical Practice'],
    ['The Hollins Health Centre referred.', 'Hollins Health Centre'],
  ])('finds a named school or GP practice in %j', (text, found) => {
    const problems = kindsIn(text);
    expect(problems).toEqual([[Kind.NAMED_PLACE, expect.stringContaining(found)]]);
  });

  it.each([
    'The school nurse visited.',
    'Her Primary School reported it.',
    'The GP Surgery called.',
    'Seen at the health centre.',
  ])('finds no named place in %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });

  it("allows an agency's own register name, since published reviews name the agencies", () => {
    expect(
      kindsIn('Northmoor Academy raised a concern.', { allowed: ['Northmoor Academy'] }),
    ).toEqual([]);
  });

  it('names the record, the field and where to fix it, with a short excerpt around the match', () => {
    const text = `${'a'.repeat(200)} Maisie ${'b'.repeat(200)}`;
    const [problem] = findProblems({
      people,
      practitioners: [],
      allowedNames: [],
      texts: [
        { recordType: 'Finding', recordId: 'n1', field: 'statement', text, fixAt: 'findings/n1' },
      ],
    });
    expect(problem).toMatchObject({
      recordType: 'Finding',
      recordId: 'n1',
      field: 'statement',
      kind: Kind.REAL_NAME,
      fixAt: 'findings/n1',
    });
    expect(problem.excerpt).toContain('Maisie');
    expect(problem.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(excerptOf('x'.repeat(500), 10, 300).length).toBeLessThanOrEqual(MAX_EXCERPT);
  });
});

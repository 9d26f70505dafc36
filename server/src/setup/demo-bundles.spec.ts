import demoAnalysisReview from './demo-analysis-review.bundle.json';
import demoReview from './demo-review.bundle.json';

/**
 * The demo reviews teach the method, so they are checked against it: what a newcomer reads in
 * them must be what a Learning Together review would say.
 */

interface Episode {
  ref: string;
  ordinal: number;
  startDate: string | null;
  endDate: string | null;
  events: string[];
  appraisal: string;
  appraisalNarrative: string | null;
  explanation: string | null;
}
interface Factor {
  ref: string;
  episode: string;
  level: string;
  effect?: string;
  tier?: string;
}
interface Finding {
  ref: string;
  statement: string;
  manifestation: string;
  effect?: string;
  notPeculiar?: string | null;
  prevalence: string;
  references?: { kind: string; citation: string }[];
  significance: string;
  questions: string[];
  episodes: string[];
  factors: string[];
  events: string[];
  boardActions: { description: string; droppedReason: string | null; impactNote: string | null }[];
  answers?: string[];
  comments?: { author: string; createdAt: string; resolvedAt: string | null }[];
}
interface Person {
  ref: string;
  pseudonym: string;
  aliases?: string[];
  sex?: string;
  bornOn?: string | null;
  ageAtPeriodStart?: number | null;
  isSubjectChild?: boolean;
  households?: {
    household: string;
    from: string | null;
    to: string | null;
    knownToAgencies: boolean;
    note: string | null;
  }[];
}
interface Conversation {
  kind: string;
  format: string;
  heldOn: string | null;
  participants: { role: string; agency: string | null }[];
  family: string[];
  episodes: string[];
}
interface Bundle {
  review: {
    title: string;
    type: string;
    status: string;
    periodEnd: string | null;
    summary: string | null;
    caseCharacteristics: string[];
    caseGroupSignOff?: { at: string; by: string } | null;
  };
  exportedAt: string;
  agencies: { ref: string; name: string; sector: string }[];
  people: Person[];
  relationships: { from: string; to: string; kind: string; separated?: boolean }[];
  events: {
    ref: string;
    occurredOn: string;
    agency: string | null;
    title: string;
    description?: string | null;
    people: string[];
    contacts?: Record<string, string>;
  }[];
  episodes: Episode[];
  factors: Factor[];
  findings: Finding[];
  reviewQuestions?: { ref: string; text: string }[];
  conversations?: Conversation[];
}

const childM = demoReview as unknown as Bundle;
const childT = demoAnalysisReview as unknown as Bundle;

/** Bank holidays in England in 2023, for counting working days. */
const BANK_HOLIDAYS_2023 = [
  '2023-01-02',
  '2023-04-07',
  '2023-04-10',
  '2023-05-01',
  '2023-05-08',
  '2023-05-29',
  '2023-08-28',
];

/** Working days after `from` up to and including `to`. */
function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() % 6 !== 0 && !BANK_HOLIDAYS_2023.includes(iso)) count += 1;
  }
  return count;
}

/** Every text the review itself writes: not the agencies' records, not the citations of others' work. */
function reviewTexts(bundle: Bundle): string[] {
  return [
    bundle.review.title,
    bundle.review.summary ?? '',
    ...bundle.episodes.flatMap((k) =>
      Object.values(k).filter((v): v is string => typeof v === 'string'),
    ),
    ...bundle.findings.flatMap((n) => [
      n.statement,
      n.manifestation,
      n.notPeculiar ?? '',
      n.prevalence,
      n.significance,
      ...n.questions,
      ...n.boardActions.flatMap((a) => [a.description, a.droppedReason ?? '', a.impactNote ?? '']),
    ]),
  ];
}

const SEXES = ['FEMALE', 'MALE', 'NOT_KNOWN'];
const CONTACTS = ['SEEN', 'SEEN_ALONE', 'SPOKEN_TO', 'MENTIONED'];

function personCalled(bundle: Bundle, pseudonym: string): Person {
  const person = bundle.people.find((p) => p.pseudonym === pseudonym);
  if (!person) throw new Error(`no person called ${pseudonym}`);
  return person;
}

/** Each event's people and the contacts it records, to compare as lists. */
function contactLinks(bundle: Bundle) {
  return bundle.events.map((e) => ({
    event: e.ref,
    people: [...e.people].sort(),
    contacts: Object.keys(e.contacts ?? {}).sort(),
  }));
}

/** Whole months from one date to another, both YYYY-MM-DD. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

describe('the demo review Child M', () => {
  const episodeOf = (eventRef: string) => childM.episodes.find((k) => k.events.includes(eventRef));

  it("is a local child safeguarding practice review, in the partnership's words, not a board's", () => {
    expect(childM.review.type).toBe('LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW');
    expect(childM.review.summary).toMatch(/rapid review/);
    for (const text of reviewTexts(childM)) {
      expect(text).not.toMatch(/\bboards?\b/i);
      // Other areas' serious case reviews, before 2018, may be cited; this review is not one.
      expect(text).not.toMatch(/serious case review(?!s)/i);
    }
  });

  it('has each health service as its own agency, and no "health" agency covering several', () => {
    const health = childM.agencies.filter((a) => a.sector === 'HEALTH').map((a) => a.name);
    for (const service of [
      /health visiting/i,
      /\bGP\b/,
      /maternity/i,
      /emergency department/i,
      /mental health/i,
    ])
      expect(health.filter((name) => service.test(name))).toHaveLength(1);
    expect(health.filter((name) => /,| and /.test(name))).toEqual([]);
    const agencyOf = (title: RegExp) => childM.events.find((e) => title.test(e.title))?.agency;
    const nameOf = (ref: string | null | undefined) =>
      childM.agencies.find((a) => a.ref === ref)?.name;
    expect(nameOf(agencyOf(/emergency department/))).toMatch(/emergency department/);
    expect(nameOf(agencyOf(/antidepressant restarted/))).toMatch(/GP/);
    expect(nameOf(agencyOf(/Child M born/))).toMatch(/maternity/);
  });

  it('has episodes over June to August 2023, on which finding 3 rests', () => {
    const summer = childM.episodes.filter(
      (k) => k.startDate! <= '2023-08-31' && k.endDate! >= '2023-06-01',
    );
    expect(summer.length).toBeGreaterThan(0);
    const third = childM.findings[2];
    for (const k of summer) expect(third.episodes).toContain(k.ref);
  });

  it('appraises the initial child protection conference as late: working day 16 of 15', () => {
    const strategy = childM.events.find((e) => e.title === 'Strategy discussion held')!;
    const conference = childM.events.find((e) =>
      /^Initial child protection conference/.test(e.title),
    )!;
    expect(workingDaysBetween(strategy.occurredOn, conference.occurredOn)).toBe(16);
    const episode = episodeOf(conference.ref)!;
    expect(episode.appraisal).not.toBe('GOOD');
    expect(episode.appraisalNarrative).toMatch(/working day 16/);
  });

  it('keeps the appraisal and the explanation apart in every appraised episode', () => {
    for (const k of childM.episodes) {
      expect(k.appraisal).not.toBe('NOT_APPRAISED');
      expect(k.appraisalNarrative).toBeTruthy();
      expect(k.explanation).toBeTruthy();
      expect(k.explanation).not.toBe(k.appraisalNarrative);
    }
  });

  it('says of every factor whether it helped or hindered, and its tier', () => {
    for (const f of childM.factors) {
      expect(['SUPPORTS_GOOD_PRACTICE', 'MAKES_PROBLEMS_MORE_LIKELY']).toContain(f.effect);
      expect(['FRONTLINE', 'LOCAL_STRATEGIC', 'NATIONAL']).toContain(f.tier);
    }
    expect(childM.factors.some((f) => f.effect === 'SUPPORTS_GOOD_PRACTICE')).toBe(true);
    expect(childM.factors.find((f) => f.level === 'WIDER_CONTEXT')?.tier).toBe('NATIONAL');
  });

  it('fills in every part of the finding template, with references for how widespread', () => {
    for (const n of childM.findings) {
      expect(n.effect).toBeDefined();
      expect(n.notPeculiar).toBeTruthy();
      expect(n.prevalence).toBeTruthy();
      expect(n.references!.length).toBeGreaterThan(0);
      // The partnership's own figures are audits of its records, not national data.
      for (const reference of n.references!.filter((r) => r.kind === 'NATIONAL_DATA'))
        expect(reference.citation).not.toMatch(/Northmoor/);
      expect(n.significance).toBeTruthy();
      expect(n.questions.length).toBeGreaterThan(0);
    }
  });

  it('links each finding to the episodes its text names, and to the episodes of its factors', () => {
    for (const n of childM.findings) {
      const named = [...n.manifestation.matchAll(/\(episode (\d+)\)/g)].map((m) => Number(m[1]));
      const linked = n.episodes.map((ref) => childM.episodes.find((k) => k.ref === ref)!.ordinal);
      for (const ordinal of named)
        expect({ finding: n.ref, episode: ordinal, linked }).toEqual({
          finding: n.ref,
          episode: ordinal,
          linked: expect.arrayContaining([ordinal]),
        });
      for (const ref of n.factors) {
        const factor = childM.factors.find((f) => f.ref === ref)!;
        expect({ finding: n.ref, factor: ref, episodes: n.episodes }).toEqual({
          finding: n.ref,
          factor: ref,
          episodes: expect.arrayContaining([factor.episode]),
        });
      }
    }
  });

  it('tags no case characteristic that is not true: Child M was 20 months old', () => {
    expect(childM.review.summary).toMatch(/20 months old/);
    expect(childM.review.caseCharacteristics).not.toContain('child-under-one');
  });

  it('says of every person their sex, and of Child M alone that she is the subject child', () => {
    for (const person of childM.people) {
      expect({ person: person.pseudonym, sex: person.sex }).toEqual({
        person: person.pseudonym,
        sex: expect.stringMatching(/^(FEMALE|MALE)$/),
      });
      expect(typeof person.isSubjectChild).toBe('boolean');
    }
    const subjects = childM.people.filter((p) => p.isSubjectChild);
    expect(subjects.map((p) => [p.pseudonym, p.sex])).toEqual([['Child M', 'FEMALE']]);
    const born = childM.events.find((e) => /^Child M born/.test(e.title))!;
    expect(subjects[0].bornOn).toBe(born.occurredOn);
    const injured = childM.events.find((e) =>
      /emergency department with a head injury/.test(e.title),
    )!;
    expect(monthsBetween(subjects[0].bornOn!, injured.occurredOn)).toBe(20);
    expect(personCalled(childM, 'Sibling 1')).toEqual(
      expect.objectContaining({ sex: 'MALE', bornOn: '2014' }),
    );
    expect(personCalled(childM, 'Sibling 2')).toEqual(
      expect.objectContaining({ sex: 'FEMALE', bornOn: '2018' }),
    );
  });

  it("records Mr B's stay in household 1 as unknown to agencies, and no one else's", () => {
    const mrB = personCalled(childM, 'Mr B');
    const inHousehold1 = mrB.households!.filter((stay) => /^Household 1\b/.test(stay.household));
    expect(inHousehold1.length).toBeGreaterThan(0);
    expect(inHousehold1[0].from).toBe('2022-04');
    for (const stay of inHousehold1) expect(stay.knownToAgencies).toBe(false);
    expect(inHousehold1.map((stay) => stay.note).join(' ')).toMatch(/bail conditions/i);
    expect(mrB.households!.some((stay) => !/^Household 1\b/.test(stay.household))).toBe(true);
    const unknown = childM.people.flatMap((p) =>
      p.households!.filter((stay) => !stay.knownToAgencies).map(() => p.pseudonym),
    );
    expect([...new Set(unknown)]).toEqual(['Mr B']);
    // Mother and the children live in household 1 until the siblings go to their grandmother.
    for (const pseudonym of ['Mother', 'Child M', 'Sibling 1', 'Sibling 2'])
      expect(personCalled(childM, pseudonym).households![0].household).toMatch(/^Household 1\b/);
    for (const pseudonym of ['Sibling 1', 'Sibling 2'])
      expect(personCalled(childM, pseudonym).households!.at(-1)).toEqual(
        expect.objectContaining({
          household: expect.stringMatching(/grandmother/i),
          from: '2023-08-12',
        }),
      );
  });

  it('knows Mr B also by the name he gave housing, "Jay", in the people register only', () => {
    expect(personCalled(childM, 'Mr B').aliases).toEqual(['Jay']);
    const housing = childM.events.filter((event) =>
      /a man who gave a first name/.test(event.description ?? ''),
    );
    expect(housing.length).toBeGreaterThan(0);
    // The alias is a real name: the texts that are published never use it.
    const { people, ...published } = childM;
    expect(people.length).toBeGreaterThan(0);
    expect(JSON.stringify(published)).not.toMatch(/\bJay\b/);
  });

  it('has Father and Mother separated, and Mother and Mr B as partners', () => {
    const ref = (pseudonym: string) => personCalled(childM, pseudonym).ref;
    const partnership = (a: string, b: string) =>
      childM.relationships.find(
        (r) =>
          r.kind === 'PARTNER_OF' &&
          [r.from, r.to].sort().join() === [ref(a), ref(b)].sort().join(),
      );
    expect(partnership('Father', 'Mother')?.separated).toBe(true);
    expect(partnership('Mr B', 'Mother')?.separated).toBe(false);
  });

  it('gives every event–person link a contact, and Mr B never seen by health visiting, early help or the social worker', () => {
    for (const link of contactLinks(childM)) expect(link.contacts).toEqual(link.people);
    for (const e of childM.events)
      for (const contact of Object.values(e.contacts!)) expect(CONTACTS).toContain(contact);
    // Every person an event names is one of its people (the grandmother is named in lower case).
    for (const e of childM.events)
      for (const person of childM.people) {
        const named = new RegExp(
          `\\b${person.pseudonym}\\b`,
          person.pseudonym === 'Maternal grandmother' ? 'i' : '',
        );
        const text = `${e.title} ${(e as { description?: string }).description ?? ''}`;
        if (named.test(text))
          expect({
            event: e.ref,
            person: person.pseudonym,
            linked: e.people.includes(person.ref),
          }).toEqual({ event: e.ref, person: person.pseudonym, linked: true });
      }
    const mrB = personCalled(childM, 'Mr B').ref;
    const sectorOf = (ref: string | null) => childM.agencies.find((a) => a.ref === ref);
    const seenBy = childM.events
      .filter((e) => e.contacts![mrB] && e.contacts![mrB] !== 'MENTIONED')
      .map((e) => sectorOf(e.agency)!);
    expect(seenBy.length).toBeGreaterThan(0);
    for (const agency of seenBy) {
      expect(['CHILDRENS_SOCIAL_CARE', 'EARLY_HELP']).not.toContain(agency.sector);
      expect(agency.name).not.toMatch(/health visiting/);
    }
    expect(new Set(seenBy.map((a) => a.sector))).toEqual(new Set(['POLICE', 'HEALTH', 'HOUSING']));
    // Sibling 1 was seen alone by the school and by the social worker.
    const sibling1 = personCalled(childM, 'Sibling 1').ref;
    const alone = childM.events.filter((e) => e.contacts![sibling1] === 'SEEN_ALONE');
    expect(alone.map((e) => sectorOf(e.agency)!.sector).sort()).toEqual([
      'CHILDRENS_SOCIAL_CARE',
      'EDUCATION',
    ]);
  });

  it('answers every review question with a finding', () => {
    const questions = childM.reviewQuestions!.map((q) => q.ref);
    expect(questions).toHaveLength(5);
    const answered = childM.findings.flatMap((n) => n.answers!);
    for (const n of childM.findings) expect(n.answers!.length).toBeGreaterThan(0);
    for (const ref of answered) expect(questions).toContain(ref);
    expect([...new Set(answered)].sort()).toEqual([...questions].sort());
  });

  it('hears the practitioners and the family, each conversation informing the episodes', () => {
    const conversations = childM.conversations!;
    const episodes = childM.episodes.map((k) => k.ref);
    const people = (c: Conversation) =>
      c.family.map((ref) => childM.people.find((p) => p.ref === ref)!.pseudonym);
    expect(
      conversations
        .filter((c) => c.kind === 'FAMILY')
        .flatMap(people)
        .sort(),
    ).toEqual(['Father', 'Mother']);
    const event = conversations.find((c) => c.format === 'GROUP_LEARNING_EVENT')!;
    expect(event.kind).toBe('PRACTITIONERS');
    expect(event.participants.length).toBeGreaterThanOrEqual(10);
    for (const c of conversations) {
      expect(c.heldOn! > childM.review.periodEnd!).toBe(true);
      expect(c.episodes.length).toBeGreaterThan(0);
      for (const ref of c.episodes) expect(episodes).toContain(ref);
      for (const participant of c.participants)
        if (participant.agency !== null)
          expect(childM.agencies.map((a) => a.ref)).toContain(participant.agency);
    }
  });

  it("has the case group's sign-off after the learning event, and its comments before it resolved", () => {
    const signOff = childM.review.caseGroupSignOff!;
    expect(signOff.by).toBeTruthy();
    const lastConversation = childM
      .conversations!.map((c) => c.heldOn!)
      .sort()
      .at(-1)!;
    expect(signOff.at.slice(0, 10) > lastConversation).toBe(true);
    const comments = childM.findings.flatMap((n) => n.comments!);
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments.length).toBeLessThanOrEqual(4);
    for (const comment of comments.filter((c) => c.createdAt < signOff.at))
      expect(comment.resolvedAt).not.toBeNull();
    const resolved = comments.filter((c) => c.resolvedAt !== null);
    expect(resolved.length * 2).toBeGreaterThan(comments.length);
  });
});

describe('the demo reviews and the stage they have reached', () => {
  it.each([
    ['Child M', childM],
    ['Child T', childT],
  ])("%s carries the partnership's response only once published", (_title, bundle) => {
    const actions = bundle.findings.flatMap((n) => n.boardActions);
    if (bundle.review.status !== 'PUBLISHED' && bundle.review.status !== 'ARCHIVED')
      expect(actions).toEqual([]);
    else expect(actions.length).toBeGreaterThan(0);
  });

  it('has Child T at the analysis stage: episodes partly appraised, no findings yet', () => {
    expect(childT.review.status).toBe('ANALYSIS');
    expect(childT.findings).toEqual([]);
    expect(childT.episodes.map((k) => k.appraisal)).toEqual(['ADEQUATE', 'NOT_APPRAISED']);
    expect(childT.agencies.length).toBeLessThanOrEqual(4);
  });

  it('tags Child T with the case characteristics its chronology shows', () => {
    expect(childT.review.caseCharacteristics).toEqual([
      'child-criminal-exploitation',
      'going-missing',
      'exclusion-from-school',
      'extra-familial-harm',
    ]);
  });

  it('has Child T male, 14, the subject child, with a contact on every event–person link', () => {
    for (const person of childT.people) expect(SEXES).toContain(person.sex);
    expect(childT.people.filter((p) => p.isSubjectChild)).toEqual([
      expect.objectContaining({ pseudonym: 'Child T', sex: 'MALE', ageAtPeriodStart: 14 }),
    ]);
    expect(personCalled(childT, 'Young adult Z').households).toEqual([]);
    for (const link of contactLinks(childT)) expect(link.contacts).toEqual(link.people);
    const z = personCalled(childT, 'Young adult Z').ref;
    const seen = childT.events.filter((e) => e.contacts![z] === 'SEEN');
    expect(seen.map((e) => childT.agencies.find((a) => a.ref === e.agency)!.sector)).toEqual([
      'POLICE',
    ]);
  });

  it('has Child T with review questions but no answers or sign-off yet, and only conversations already held', () => {
    expect(childT.reviewQuestions!.length).toBe(3);
    expect(childT.review.caseGroupSignOff ?? null).toBeNull();
    expect(childT.conversations!.length).toBeGreaterThan(0);
    for (const c of childT.conversations!) {
      expect(c.heldOn).not.toBeNull();
      expect(c.heldOn! > childT.review.periodEnd!).toBe(true);
      expect(c.heldOn! < childT.exportedAt.slice(0, 10)).toBe(true);
    }
  });
});

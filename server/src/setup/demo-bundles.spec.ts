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
}
interface Bundle {
  review: {
    title: string;
    type: string;
    status: string;
    periodEnd: string | null;
    summary: string | null;
    caseCharacteristics: string[];
  };
  agencies: { ref: string; name: string; sector: string }[];
  events: { ref: string; occurredOn: string; agency: string | null; title: string }[];
  episodes: Episode[];
  factors: Factor[];
  findings: Finding[];
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
});

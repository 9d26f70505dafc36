import { FINDING_CATEGORIES, STARTER_THEMES } from '@scr/shared';
import { generateReview, generateReviews, snapshotContent } from './generate';

const options = { seed: 42, referencePrefix: 'SYN-' };

describe('the synthetic corpus generator', () => {
  const corpus = generateReviews(options, 0, 2000);
  const share = (key: string) =>
    corpus.filter((r) => r.caseCharacteristics.includes(key)).length / corpus.length;

  it('gives the same corpus for the same seed, and another for another seed', () => {
    expect(generateReviews(options, 0, 20)).toEqual(corpus.slice(0, 20));
    expect(generateReview(options, 7)).toEqual(corpus[7]);
    expect(generateReview({ ...options, seed: 43 }, 7)).not.toEqual(corpus[7]);
    expect(generateReview({ ...options, referencePrefix: 'DEMO-SYN-' }, 7).reviewId).not.toBe(
      corpus[7].reviewId,
    );
  });

  it('skews case characteristics like real reviews: neglect and domestic abuse common, exploitation rare', () => {
    expect(share('neglect')).toBeGreaterThan(0.45);
    expect(share('domestic-abuse')).toBeGreaterThan(0.4);
    expect(share('graded-care-profile-used')).toBeLessThan(0.08);
    expect(share('child-sexual-exploitation')).toBeLessThan(0.1);
    expect(share('neglect')).toBeGreaterThan(5 * share('child-sexual-exploitation'));
    expect(share('child-sexual-exploitation')).toBeGreaterThan(0);
  });

  it('uses only starter theme keys, and every case characteristic appears', () => {
    const kinds = new Map(STARTER_THEMES.map((t) => [t.key, t.kind]));
    const characteristics = new Set(corpus.flatMap((r) => r.caseCharacteristics));
    for (const key of characteristics) expect(kinds.get(key)).toBe('CASE_CHARACTERISTIC');
    expect(characteristics.size).toBe(
      STARTER_THEMES.filter((t) => t.kind === 'CASE_CHARACTERISTIC').length,
    );
    const practice = corpus.flatMap((r) => [
      ...r.practiceThemes,
      ...r.findings.flatMap((f) => f.themes),
      ...r.factors.flatMap((f) => f.themes),
    ]);
    for (const key of new Set(practice)) expect(kinds.get(key)).toBe('PRACTICE_THEME');
  });

  it('has findings of all six categories and both effects, most making problems more likely', () => {
    const findings = corpus.flatMap((r) => r.findings);
    expect(new Set(findings.map((f) => f.category))).toEqual(new Set(FINDING_CATEGORIES));
    const good = findings.filter((f) => f.effect === 'SUPPORTS_GOOD_PRACTICE').length;
    expect(good).toBeGreaterThan(0);
    expect(good / findings.length).toBeLessThan(0.3);
  });

  it('averages about 12 findings and 30 factors a review', () => {
    const mean = (n: number) => n / corpus.length;
    expect(mean(corpus.reduce((n, r) => n + r.findings.length, 0))).toBeCloseTo(12, 0);
    expect(mean(corpus.reduce((n, r) => n + r.factors.length, 0))).toBeCloseTo(30, 0);
  });

  it('weights types toward SCRs before 2019 and LCSPRs after 2020, over 2012 to 2025', () => {
    const years = corpus.map((r) => Number(r.publishedAt.slice(0, 4)));
    expect(Math.min(...years)).toBe(2012);
    expect(Math.max(...years)).toBe(2025);
    const before = corpus.filter((r) => r.publishedAt < '2019');
    const after = corpus.filter((r) => r.publishedAt >= '2021');
    const shareOf = (rs: typeof corpus, type: string) =>
      rs.filter((r) => r.type === type).length / rs.length;
    expect(shareOf(before, 'SERIOUS_CASE_REVIEW')).toBeGreaterThan(0.6);
    expect(shareOf(before, 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW')).toBe(0);
    expect(shareOf(after, 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW')).toBeGreaterThan(0.6);
    expect(shareOf(after, 'SERIOUS_CASE_REVIEW')).toBe(0);
    expect(new Set(corpus.map((r) => r.partnership)).size).toBeGreaterThan(8);
  });

  it('keeps the columns consistent with the review: practice themes, categories, sectors, period', () => {
    for (const r of corpus.slice(0, 200)) {
      expect(r.practiceThemes).toEqual(
        [...new Set([...r.findings, ...r.factors].flatMap((x) => x.themes))].sort(),
      );
      expect(new Set(r.categories)).toEqual(new Set(r.findings.map((f) => f.category)));
      expect(new Set(r.agencySectors)).toEqual(new Set(r.agencies.map((a) => a.sector)));
      expect(r.periodStart < r.periodEnd && r.periodEnd < r.publishedAt).toBe(true);
      expect(new Set(r.agencies.map((a) => a.name)).size).toBe(r.agencies.length);
    }
    expect(new Set(corpus.map((r) => r.reference)).size).toBe(corpus.length);
  });

  it('never titles a review as the demo reviews Child M and Child T are', () => {
    const titles = new Set(corpus.map((r) => r.title));
    expect(titles.has('Child B') || titles.has('Baby B')).toBe(true);
    for (const taken of ['Child M', 'Child T']) expect(titles.has(taken)).toBe(false);
  });

  it('varies the wording of statements, so that full-text search finds things', () => {
    const statements = corpus.flatMap((r) => r.findings.map((f) => f.statement));
    expect(new Set(statements).size).toBeGreaterThan(statements.length / 10);
    for (const word of ['escalation', 'information sharing', 'voice of the child', 'neglect']) {
      expect(statements.some((s) => s.toLowerCase().includes(word))).toBe(true);
    }
  });

  it('writes a compact snapshot with pseudonyms and the factors', () => {
    const content = snapshotContent(corpus[0]) as {
      synthetic: boolean;
      factors: unknown[];
      findings: { ref: string }[];
    };
    expect(content.synthetic).toBe(true);
    expect(content.factors).toHaveLength(corpus[0].factors.length);
    expect(content.findings.map((f) => f.ref)).toEqual(corpus[0].findings.map((f) => f.ref));
    expect(JSON.stringify(content).length).toBeLessThan(40_000);
  });
});

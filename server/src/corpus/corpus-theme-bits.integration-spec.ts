import { DataSource } from 'typeorm';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { InsertedReview, insertSmallCorpus } from '../testing/corpus-fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

/*
 * The corpus counts themes from each review's theme bits (corpus_review_themes, kept by
 * triggers) and searches the findings' vectors in corpus_finding_search (written by a trigger).
 * These specs check that the database keeps both right as rows are written and as the themes'
 * broader terms change. The small corpus is that of corpus.integration-spec.ts: in the corpus
 * CR-01 v2 (neglect, domestic-abuse, parental-alcohol-misuse), CR-02 (neglect,
 * parental-drug-misuse), CR-03 (domestic-abuse, parental-mental-health), CR-04 (neglect).
 */
describe('the corpus theme bits and search vectors', () => {
  let t: TestApp;
  let db: DataSource;
  let analyst: string;
  let corpus: Map<string, InsertedReview>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const admin = await adminToken(t);
    analyst = (await createAccount(t, admin, 'analyst@test.local', 'ANALYST')).token;
    corpus = await insertSmallCorpus(t);
  });
  afterAll(() => t.close());

  /** The theme keys whose bits a snapshot's words hold, read back through the positions. */
  const keysOfBits = async (snapshotId: string): Promise<string[]> => {
    const [row] = await db.query(
      `SELECT coalesce(array_agg(p.key ORDER BY p.key COLLATE "C"), '{}') AS keys
         FROM corpus_review_themes rt JOIN corpus_theme_position p
           ON (coalesce(rt.words[p.position / 64 + 1], 0) & (1::bigint << (p.position % 64))) <> 0
        WHERE rt.snapshot_id = $1`,
      [snapshotId],
    );
    return row.keys;
  };
  /** A snapshot's own theme keys (case characteristics and practice themes). */
  const ownKeys = async (snapshotId: string): Promise<string[]> => {
    const [row] = await db.query(
      `SELECT case_characteristics || practice_themes AS keys FROM corpus_review WHERE snapshot_id = $1`,
      [snapshotId],
    );
    return row.keys;
  };

  const PREVALENCE = `query($f: CorpusFilter) {
    themePrevalence(filter: $f, kind: CASE_CHARACTERISTIC) { denominator rows { key count } } }`;
  const prevalence = async (filter?: Record<string, unknown>) => {
    const { themePrevalence } = await ok<{
      themePrevalence: { denominator: number; rows: { key: string; count: number }[] };
    }>(t, PREVALENCE, { f: filter }, analyst);
    return {
      denominator: themePrevalence.denominator,
      count: (key: string) => themePrevalence.rows.find((r) => r.key === key)?.count,
    };
  };

  it("writes each corpus review's keys with their broader terms as bits, in the statement that writes the review", async () => {
    const cr02 = corpus.get('CR-02')!.snapshotIds[0];
    expect(await keysOfBits(cr02)).toEqual(
      [
        ...(await ownKeys(cr02)),
        'parental-substance-misuse', // above parental-drug-misuse
        'toxic-trio', // above parental-substance-misuse
      ].sort((a, b) => (a < b ? -1 : 1)),
    );
    const [{ reviews, bits }] = await db.query(
      `SELECT (SELECT count(*)::int FROM corpus_review) AS reviews,
              (SELECT count(*)::int FROM corpus_review_themes) AS bits`,
    );
    expect(bits).toBe(reviews);
  });

  it("writes each corpus finding's search vector beside it, the same as its text gives", async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM corpus_finding) AS findings,
              count(*)::int AS vectors,
              count(*) FILTER (WHERE s.search = corpus_finding_vector(f.title, f.statement,
                f.manifestation, f.not_peculiar, f.prevalence, f.significance, f.questions))::int AS same
         FROM corpus_finding_search s JOIN corpus_finding f ON f.id = s.id
         JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id
        WHERE s.snapshot_id = f.snapshot_id AND s.reference = cr.reference AND s.ordinal = f.ordinal
          AND s.category = f.category AND s.effect = f.effect`,
    );
    expect(row.findings).toBeGreaterThan(0);
    expect(row).toEqual({ findings: row.findings, vectors: row.findings, same: row.findings });
  });

  it('searches the vectors under theme, effect and partnership filters', async () => {
    const SEARCH = `query($q: String!, $f: CorpusFilter) { searchFindings(query: $q, filter: $f) {
      finding { id effect } review { reference partnership caseCharacteristics } } }`;
    type Hit = {
      finding: { id: string; effect: string };
      review: { reference: string; partnership: string; caseCharacteristics: string[] };
    };
    const search = async (filter?: Record<string, unknown>) =>
      (await ok<{ searchFindings: Hit[] }>(t, SEARCH, { q: 'escalation', f: filter }, analyst))
        .searchFindings;
    const all = await search();
    const withNeglect = await search({ themeKeys: ['neglect'] });
    const withoutNeglect = await search({ withoutThemeKeys: ['neglect'] });
    expect(withNeglect.length).toBeGreaterThan(0);
    expect(withNeglect.every((h) => h.review.caseCharacteristics.includes('neglect'))).toBe(true);
    expect(withoutNeglect.some((h) => h.review.caseCharacteristics.includes('neglect'))).toBe(
      false,
    );
    expect(withNeglect.length + withoutNeglect.length).toBe(all.length);
    const good = await search({ effects: ['SUPPORTS_GOOD_PRACTICE'] });
    expect(good.every((h) => h.finding.effect === 'SUPPORTS_GOOD_PRACTICE')).toBe(true);
    expect(good.length).toBe(
      all.filter((h) => h.finding.effect === 'SUPPORTS_GOOD_PRACTICE').length,
    );
    const partnership = all[0].review.partnership;
    expect((await search({ partnership })).map((h) => h.finding.id)).toEqual(
      all.filter((h) => h.review.partnership === partnership).map((h) => h.finding.id),
    );
  });

  it('recounts the reviews when a theme gets a new broader term, and when a theme moves under another', async () => {
    await db.query(
      `INSERT INTO theme (key, label, kind) VALUES ('adult-health', 'Adult health', 'CASE_CHARACTERISTIC')`,
    );
    expect((await prevalence()).count('adult-health')).toBe(0);
    expect((await prevalence()).count('parental-substance-misuse')).toBe(2); // CR-01, CR-02

    await db.query(
      `UPDATE theme SET broader_key = 'adult-health' WHERE key = 'parental-mental-health'`,
    );
    // CR-03 has parental mental health; its other broader term (toxic trio) is unchanged.
    expect((await prevalence()).count('adult-health')).toBe(1);
    await db.query(
      `UPDATE theme SET broader_key = 'adult-health' WHERE key = 'parental-alcohol-misuse'`,
    );
    const after = await prevalence();
    expect(after.count('adult-health')).toBe(2); // CR-01 (alcohol), CR-03 (mental health)
    expect(after.count('parental-substance-misuse')).toBe(1); // CR-02 only now
    expect(after.count('toxic-trio')).toBe(3); // CR-01 still, by domestic abuse
    expect(
      await prevalence({ themeKeys: ['adult-health'], withoutThemeKeys: ['neglect'] }),
    ).toEqual(expect.objectContaining({ denominator: 1 }));
  });

  it('gives themes past the 64th a bit in a further word, and reads a missing word as unset', async () => {
    const [{ count: before }] = await db.query(`SELECT count(*)::int AS count FROM theme`);
    const extra = Array.from({ length: 80 - before }, (_, i) => `extra-theme-${i + 1}`);
    await db.query(
      `INSERT INTO theme (key, label, kind)
         SELECT key, key, 'CASE_CHARACTERISTIC' FROM unnest($1::text[]) AS key`,
      [extra],
    );
    const [{ key: last, position }] = await db.query(
      `SELECT key, position FROM corpus_theme_position ORDER BY position DESC LIMIT 1`,
    );
    expect(extra).toContain(last);
    expect(position).toBeGreaterThanOrEqual(64);
    // No review has the theme: leaving it out keeps every review; requiring it keeps none.
    expect((await prevalence({ withoutThemeKeys: [last] })).denominator).toBe(4);
    expect((await prevalence({ themeKeys: [last] })).denominator).toBe(0);

    await db.query(`UPDATE theme SET broader_key = $1 WHERE key = 'neglect'`, [last]);
    const table = await prevalence();
    expect(table.count(last)).toBe(3); // CR-01, CR-02, CR-04
    expect((await prevalence({ withoutThemeKeys: [last] })).denominator).toBe(1); // CR-03
    expect(await keysOfBits(corpus.get('CR-04')!.snapshotIds[0])).toEqual(
      expect.arrayContaining(['neglect', last]),
    );
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

/** A finding as a snapshot holds it. */
export interface FixtureFinding {
  title: string;
  category: string;
  effect: 'SUPPORTS_GOOD_PRACTICE' | 'MAKES_PROBLEMS_MORE_LIKELY';
  statement: string;
  themeKeys: string[];
  id?: string;
}

/** One publication (snapshot) of a review. */
export interface FixtureVersion {
  publishedAt: string;
  caseCharacteristics: string[];
  agencySectors: string[];
  findings: FixtureFinding[];
}

export interface FixtureReview {
  reference: string;
  title: string;
  partnership: string;
  type: string;
  periodEnd: string | null;
  status: 'PUBLISHED' | 'DRAFTING';
  /** oldest first; the corpus entry points at the last */
  versions: FixtureVersion[];
  /** no corpus entry at all: rows written but never published */
  noEntry?: boolean;
  withdrawn?: boolean;
}

export interface InsertedReview {
  reviewId: string;
  /** snapshot ids, oldest first */
  snapshotIds: string[];
  /** finding ids of each version, in order */
  findingIds: string[][];
}

/**
 * Writes reviews straight into review, review_snapshot, corpus_review, corpus_finding and
 * corpus_entry, as publication would: the snapshot's practice themes are the union of its
 * findings' theme keys and its categories their distinct categories.
 */
export async function insertCorpus(
  dataSource: DataSource,
  reviews: FixtureReview[],
): Promise<Map<string, InsertedReview>> {
  const inserted = new Map<string, InsertedReview>();
  for (const review of reviews) {
    const reviewId = randomUUID();
    const last = review.versions[review.versions.length - 1];
    await dataSource.query(
      `INSERT INTO review (id, reference, title, partnership, type, status, period_end, published_at, case_characteristics)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        reviewId,
        review.reference,
        review.title,
        review.partnership,
        review.type,
        review.status,
        review.periodEnd,
        review.status === 'PUBLISHED' ? last.publishedAt : null,
        last.caseCharacteristics,
      ],
    );
    const snapshotIds: string[] = [];
    const findingIds: string[][] = [];
    for (const [index, version] of review.versions.entries()) {
      const snapshotId = randomUUID();
      snapshotIds.push(snapshotId);
      await dataSource.query(
        `INSERT INTO review_snapshot (id, review_id, version, published_at, published_by_name, content)
         VALUES ($1, $2, $3, $4, 'Lead Reviewer', $5)`,
        [snapshotId, reviewId, index + 1, version.publishedAt, { reference: review.reference }],
      );
      const practiceThemes = [...new Set(version.findings.flatMap((f) => f.themeKeys))];
      const categories = [...new Set(version.findings.map((f) => f.category))];
      const published = new Date(version.publishedAt);
      await dataSource.query(
        `INSERT INTO corpus_review (snapshot_id, review_id, reference, title, partnership, type,
           published_at, publication_year, incident_year, period_end, case_characteristics,
           practice_themes, categories, agency_sectors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::finding_category[], $14::agency_sector[])`,
        [
          snapshotId,
          reviewId,
          review.reference,
          review.title,
          review.partnership,
          review.type,
          version.publishedAt,
          published.getUTCFullYear(),
          review.periodEnd ? Number(review.periodEnd.slice(0, 4)) : null,
          review.periodEnd,
          version.caseCharacteristics,
          practiceThemes,
          categories,
          version.agencySectors,
        ],
      );
      const ids: string[] = [];
      for (const [ordinal, finding] of version.findings.entries()) {
        const id = finding.id ?? randomUUID();
        ids.push(id);
        await dataSource.query(
          `INSERT INTO corpus_finding (id, snapshot_id, finding_id, ordinal, title, category, effect,
             statement, theme_keys)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            snapshotId,
            randomUUID(),
            ordinal + 1,
            finding.title,
            finding.category,
            finding.effect,
            finding.statement,
            finding.themeKeys,
          ],
        );
      }
      findingIds.push(ids);
    }
    if (!review.noEntry) {
      await dataSource.query(
        `INSERT INTO corpus_entry (review_id, snapshot_id, withdrawn_at, withdrawn_by_name, withdraw_reason)
         VALUES ($1, $2, $3, $4, $5)`,
        review.withdrawn
          ? [reviewId, snapshotIds.at(-1), '2024-01-05T10:00:00Z', 'Admin', 'Identified the family']
          : [reviewId, snapshotIds.at(-1), null, null, null],
      );
    }
    inserted.set(review.reference, { reviewId, snapshotIds, findingIds });
  }
  return inserted;
}

const GOOD = 'SUPPORTS_GOOD_PRACTICE' as const;
const PROBLEM = 'MAKES_PROBLEMS_MORE_LIKELY' as const;

/**
 * The small hand-checked corpus: four reviews in the corpus (CR-01 in its second version),
 * one withdrawn (CR-05) and one never published (CR-06, rows without a corpus entry). The
 * figures the corpus specs expect are worked out by hand in corpus.integration-spec.ts.
 */
export const SMALL_CORPUS: FixtureReview[] = [
  {
    reference: 'CR-01',
    title: 'Child A',
    partnership: 'Northmoor SCP',
    type: 'SERIOUS_CASE_REVIEW',
    periodEnd: '2021-06-30',
    status: 'PUBLISHED',
    versions: [
      {
        publishedAt: '2022-01-15T09:00:00Z',
        caseCharacteristics: ['neglect', 'child-under-one'],
        agencySectors: ['POLICE'],
        findings: [
          {
            title: 'Superseded wording',
            category: 'FAMILY_PROFESSIONAL_INTERACTION',
            effect: GOOD,
            statement: 'An earlier wording about escalation that version two replaced.',
            themeKeys: ['voice-of-the-child'],
          },
        ],
      },
      {
        publishedAt: '2022-03-10T09:00:00Z',
        caseCharacteristics: ['neglect', 'domestic-abuse', 'parental-alcohol-misuse'],
        agencySectors: ['POLICE', 'HEALTH'],
        findings: [
          {
            title: 'Escalation policy used well',
            category: 'TOOLS',
            effect: GOOD,
            statement: 'Practitioners escalated concerns through the escalation policy.',
            themeKeys: ['escalation'],
          },
          {
            title: 'Supervision lacked challenge',
            category: 'MANAGEMENT_SYSTEMS',
            effect: PROBLEM,
            statement: "Supervision did not challenge optimism about the mother's drinking.",
            themeKeys: ['supervision'],
          },
        ],
      },
    ],
  },
  {
    reference: 'CR-02',
    title: 'Child B',
    partnership: 'Northmoor SCP',
    type: 'SERIOUS_CASE_REVIEW',
    periodEnd: '2022-01-31',
    status: 'PUBLISHED',
    versions: [
      {
        publishedAt: '2022-09-01T09:00:00Z',
        caseCharacteristics: ['neglect', 'parental-drug-misuse'],
        agencySectors: ['CHILDRENS_SOCIAL_CARE'],
        findings: [
          {
            title: 'Assessment form hid cumulative harm',
            category: 'TOOLS',
            effect: PROBLEM,
            statement:
              'The assessment tool recorded incidents singly, so cumulative harm was missed.',
            themeKeys: ['assessment-quality'],
          },
          {
            title: 'Fixed views about the father',
            category: 'HUMAN_REASONING',
            effect: PROBLEM,
            statement: 'Professionals held a fixed view of the father as safe.',
            themeKeys: ['involving-fathers'],
          },
        ],
      },
    ],
  },
  {
    reference: 'CR-03',
    title: 'Child C',
    partnership: 'Southdale SP',
    type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
    periodEnd: '2022-12-31',
    status: 'PUBLISHED',
    versions: [
      {
        publishedAt: '2023-05-20T09:00:00Z',
        caseCharacteristics: ['domestic-abuse', 'parental-mental-health'],
        agencySectors: ['HEALTH', 'EDUCATION'],
        findings: [
          {
            title: 'Strategy discussion held promptly',
            category: 'INCIDENTS_AND_CRISES',
            effect: GOOD,
            statement: 'A strategy discussion was convened within a day of the referral.',
            themeKeys: ['strategy-discussions', 'escalation'],
          },
          {
            title: 'Shared record flagged risk',
            category: 'TOOLS',
            effect: GOOD,
            statement: 'The shared health record flagged domestic abuse to the school nurse.',
            themeKeys: ['information-sharing'],
          },
        ],
      },
    ],
  },
  {
    reference: 'CR-04',
    title: 'Child D',
    partnership: '=Eastvale SP',
    type: 'SERIOUS_CASE_REVIEW',
    periodEnd: null,
    status: 'PUBLISHED',
    versions: [
      {
        publishedAt: '2023-11-02T09:00:00Z',
        caseCharacteristics: ['neglect'],
        agencySectors: ['EDUCATION'],
        findings: [
          {
            title: 'Drift in child in need planning',
            category: 'LONGER_TERM_WORK',
            effect: PROBLEM,
            statement:
              "Plans drifted without escalation as workers changed; the plan was saved at C:\\Plans\\o'neill\\drift.docx.",
            themeKeys: ['drift', 'escalation'],
          },
        ],
      },
    ],
  },
  {
    reference: 'CR-05',
    title: 'Child E',
    partnership: 'Northmoor SCP',
    type: 'SERIOUS_CASE_REVIEW',
    periodEnd: '2021-12-31',
    status: 'PUBLISHED',
    withdrawn: true,
    versions: [
      {
        publishedAt: '2022-06-01T09:00:00Z',
        caseCharacteristics: ['neglect', 'domestic-abuse', 'parental-mental-health'],
        agencySectors: ['POLICE'],
        findings: [
          {
            title: 'Withdrawn escalation finding',
            category: 'TOOLS',
            effect: GOOD,
            statement: 'Escalation by the school worked, as the withdrawn review said.',
            themeKeys: ['escalation'],
          },
        ],
      },
    ],
  },
  {
    reference: 'CR-06',
    title: 'Child of Jane Realname',
    partnership: 'Northmoor SCP',
    type: 'SERIOUS_CASE_REVIEW',
    periodEnd: '2023-03-31',
    status: 'DRAFTING',
    noEntry: true,
    versions: [
      {
        publishedAt: '2023-06-01T09:00:00Z',
        caseCharacteristics: ['neglect', 'domestic-abuse'],
        agencySectors: ['POLICE'],
        findings: [
          {
            title: 'Jane Realname escalation never published',
            category: 'TOOLS',
            effect: GOOD,
            statement: 'Escalation about Jane Realname, in a review never published.',
            themeKeys: ['escalation'],
          },
        ],
      },
    ],
  },
];

/** Inserts the small corpus into the test app's database. */
export function insertSmallCorpus(t: TestApp): Promise<Map<string, InsertedReview>> {
  return insertCorpus(t.app.get(DataSource), SMALL_CORPUS);
}

import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';

/**
 * Tables the migrations create that no entity maps, each with the reason. TypeORM's comparison
 * only looks at the tables of entities, so these are checked here by name: a new table needs
 * either an entity or a line here.
 */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  schema_migration: "TypeORM's own record of the migrations run",
  agency_column_mapping:
    'the column mapping an agency last imported with, read and written in raw SQL by the chronology import',
  chronology_import: 'the record of each chronology import, raw SQL in the chronology import',
  import_progress:
    'progress of a running import, written row by row in raw SQL and read by its recovery',
  sign_in_account_lockout:
    'sign-in limits, counted with upserts in raw SQL (auth/sign-in-limits.ts)',
  sign_in_address_limit: 'sign-in limits, counted with upserts in raw SQL (auth/sign-in-limits.ts)',
  duplicate_candidate:
    'proposed pairs of events, kept by triggers on timeline_event and read in raw SQL by duplicate detection',
  collection_review: 'join table of collections and reviews, a pair of ids',
  episode_event: 'join table of practice episodes and the events they span, a pair of ids',
  finding_evidence: 'join table of a finding and its evidence (an episode, factor or event)',
  review_conversation_person:
    'join table of conversations and the family members they involved, a pair of ids',
  review_conversation_episode:
    'join table of conversations and the episodes they inform, a pair of ids',
  finding_review_question:
    'join table of findings and the review questions they answer, a pair of ids',
  timeline_event_person: 'join table of events and the people they involve, a pair of ids',
  review_snapshot:
    'an immutable published copy of a review as JSON, written and read in raw SQL by publication and the corpus',
  corpus_review:
    "a published snapshot's review as a row for counting, immutable, raw SQL in the corpus queries",
  corpus_finding:
    "a published snapshot's finding as a row for counting and search, immutable, raw SQL in the corpus queries",
  corpus_entry:
    'which snapshot of each published review the corpus shows, and its withdrawal, raw SQL in publication',
  practice_issue_set:
    'a set of practice-issue briefings, raw SQL in documents/practice-issues (its counts are computed from the corpus when read)',
  practice_issue_set_review: 'join table of practice-issue sets and the reviews they draw on',
  practice_issue:
    'a practice-issue briefing, lists and JSON sections, raw SQL in documents/practice-issues',
  practice_issue_finding:
    'join table of practice issues and the published corpus findings they draw on',
  corpus_theme_position:
    "each theme's bit in the corpus reviews' theme words, given by a trigger on theme",
  corpus_review_themes:
    "a corpus review's theme keys with their broader terms as bits, kept by triggers, raw SQL in the corpus queries",
  corpus_finding_search:
    "a corpus finding's search vector, written by a trigger beside the finding, raw SQL in corpus search",
  report_file: 'the bytes of a report file, described by hash, raw SQL in reports',
  report_file_chunk: 'a 1 MB piece of a report file (bytea), raw SQL in reports',
  report: 'a published review report in the library, raw SQL in reports',
  report_code: 'a coded passage of a report, raw SQL in reports (report-codes.repository.ts)',
  report_page: "a report's text page by page with its search vector, raw SQL in reports",
  report_batch: 'an upload of reports, raw SQL in reports',
  report_batch_file:
    'each file of an upload and how far its extraction has got, raw SQL in reports',
};

describe('the schema built by the migrations', () => {
  let url: string;
  let dataSource: DataSource;
  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('is what the entities describe: TypeORM would change nothing to synchronise them', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const statements = upQueries.map((query) => query.query);
    // Printed in full so that the failure says which entity or migration to correct. TypeORM
    // neither compares nor drops what it cannot describe: the expression index ix_review_search
    // is guarded by the reviews search test in foreign-key-indexes.integration-spec.ts.
    expect(statements.join(';\n')).toBe('');
  });

  it('has an entity for every table except those listed with a reason', async () => {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const mapped = new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName));
    const unmapped = rows.map((row) => row.name).filter((name) => !mapped.has(name));
    expect(unmapped).toEqual(Object.keys(TABLES_WITHOUT_ENTITY).sort());
  });

  it('has every entity table, so none is listed above by mistake', async () => {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    const present = new Set(rows.map((row) => row.name));
    const missing = dataSource.entityMetadatas
      .map((metadata) => metadata.tableName)
      .filter((name) => !present.has(name));
    expect(missing).toEqual([]);
  });
});

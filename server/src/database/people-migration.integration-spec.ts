import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { PersonDetailsAndHouseholds1765200000000 } from './migrations/1765200000000-person-details-and-households';

/** A database migrated up to (not including) `first`, so that data of the old shape can be put in. */
async function migratedUntil(url: string, first: (typeof MIGRATIONS)[number]) {
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(first));
  const old = await new DataSource({ ...dataSourceOptions(url), migrations: before }).initialize();
  await old.runMigrations({ transaction: 'all' });
  return old;
}

describe('the people migrations on a database of the shape before them', () => {
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: false });
    const old = await migratedUntil(url, PersonDetailsAndHouseholds1765200000000);
    const [review] = await old.query(
      `INSERT INTO review (reference, title, type) VALUES ('OLD-1', 'Child O', 'SERIOUS_CASE_REVIEW') RETURNING id`,
    );
    const people: { id: string; pseudonym: string }[] = await old.query(
      `INSERT INTO person (review_id, pseudonym, household) VALUES
         ($1, 'Mother', 'Household 1'), ($1, 'Mr B', '  Nan''s flat  '), ($1, 'Child', NULL), ($1, 'Aunt', '')
       RETURNING id, pseudonym`,
      [review.id],
    );
    const [event] = await old.query(
      `INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, title)
       VALUES ($1, '2023-01-01', 'DAY', '2023-01-01', '2023-01-01', 'Visit') RETURNING id`,
      [review.id],
    );
    await old.query(
      `INSERT INTO timeline_event_person (event_id, person_id) SELECT $1, unnest($2::uuid[])`,
      [event.id, people.map((p) => p.id)],
    );
    await old.query(
      `INSERT INTO person_relationship (review_id, from_person_id, to_person_id, kind)
       VALUES ($1, $2, $3, 'PARTNER_OF')`,
      [review.id, people[0].id, people[1].id],
    );
    await old.destroy();
    dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    await dataSource.runMigrations({ transaction: 'all' });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('turns each household text into one membership without dates, losing none', async () => {
    const rows = await dataSource.query(
      `SELECT p.pseudonym, p.sex, p.deceased, p.is_subject_child, m.household, m.from_on, m.to_on,
              m.known_to_agencies, m.note
         FROM person p LEFT JOIN household_membership m ON m.person_id = p.id
        ORDER BY p.pseudonym`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ pseudonym: 'Aunt', household: null }),
      expect.objectContaining({ pseudonym: 'Child', household: null }),
      {
        pseudonym: 'Mother',
        sex: 'NOT_KNOWN',
        deceased: false,
        is_subject_child: false,
        household: 'Household 1',
        from_on: null,
        to_on: null,
        known_to_agencies: true,
        note: null,
      },
      expect.objectContaining({ pseudonym: 'Mr B', household: "Nan's flat", from_on: null }),
    ]);
    const [{ exists }] = await dataSource.query(
      `SELECT count(*)::int AS exists FROM information_schema.columns
        WHERE table_name = 'person' AND column_name = 'household'`,
    );
    expect(exists).toBe(0);
  });

  it('reads every existing event link as MENTIONED (no contact recorded) and every relationship as continuing', async () => {
    const contacts = await dataSource.query(
      `SELECT contact, count(*)::int AS n FROM timeline_event_person GROUP BY contact`,
    );
    expect(contacts).toEqual([{ contact: 'MENTIONED', n: 4 }]);
    const relationships = await dataSource.query(`SELECT ended, ended_on FROM person_relationship`);
    expect(relationships).toEqual([{ ended: false, ended_on: null }]);
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

const PARTIAL_DATE = `'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;

/**
 * A person's sex, birth (a partial date, or the age at the start of the period), death, whether
 * the review is about them, and the households they lived in with dates. Each person's household
 * text becomes one membership of that household, without dates and known to agencies (nothing
 * said otherwise), so nothing is lost; the text column goes.
 */
export class PersonDetailsAndHouseholds1765200000000 implements MigrationInterface {
  name = 'PersonDetailsAndHouseholds1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE person_sex AS ENUM ('FEMALE', 'MALE', 'NOT_KNOWN')`);
    await q.query(
      `ALTER TABLE person
         ADD COLUMN sex person_sex NOT NULL DEFAULT 'NOT_KNOWN',
         ADD COLUMN born_on text CONSTRAINT ck_person_born_on CHECK (born_on ~ ${PARTIAL_DATE}),
         ADD COLUMN age_at_period_start integer
           CONSTRAINT ck_person_age CHECK (age_at_period_start BETWEEN 0 AND 130),
         ADD COLUMN died_on text CONSTRAINT ck_person_died_on CHECK (died_on ~ ${PARTIAL_DATE}),
         ADD COLUMN deceased boolean NOT NULL DEFAULT false,
         ADD COLUMN is_subject_child boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `CREATE TABLE household_membership (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         person_id uuid NOT NULL CONSTRAINT household_membership_person_id_fkey
           REFERENCES person(id) ON DELETE CASCADE,
         position integer NOT NULL DEFAULT 0,
         household text NOT NULL CONSTRAINT ck_household_membership_household
           CHECK (length(btrim(household)) > 0),
         from_on text CONSTRAINT ck_household_membership_from CHECK (from_on ~ ${PARTIAL_DATE}),
         to_on text CONSTRAINT ck_household_membership_to CHECK (to_on ~ ${PARTIAL_DATE}),
         known_to_agencies boolean NOT NULL DEFAULT true,
         note text
       )`,
    );
    await q.query(
      `CREATE INDEX ix_household_membership_person_id ON household_membership (person_id, position)`,
    );
    await q.query(
      `INSERT INTO household_membership (person_id, household)
         SELECT id, btrim(household) FROM person WHERE length(btrim(coalesce(household, ''))) > 0`,
    );
    await q.query(`ALTER TABLE person DROP COLUMN household`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN household text`);
    await q.query(
      `UPDATE person p SET household = m.household
         FROM (SELECT DISTINCT ON (person_id) person_id, household FROM household_membership
                ORDER BY person_id, position DESC) m
        WHERE m.person_id = p.id`,
    );
    await q.query(`DROP TABLE household_membership`);
    await q.query(
      `ALTER TABLE person DROP COLUMN sex, DROP COLUMN born_on, DROP COLUMN age_at_period_start,
         DROP COLUMN died_on, DROP COLUMN deceased, DROP COLUMN is_subject_child`,
    );
    await q.query(`DROP TYPE person_sex`);
  }
}

// Its `up` is one long list of statements on purpose: a migration is read as the schema step it
// makes, in the order PostgreSQL runs it, and never changes once released.
import { MigrationInterface, QueryRunner } from 'typeorm';

const ENUMS: Record<string, string[]> = {
  review_type: [
    'SERIOUS_CASE_REVIEW',
    'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
    'RAPID_REVIEW',
    'MULTI_AGENCY_CASE_AUDIT',
    'LEARNING_REVIEW',
  ],
  review_status: ['SCOPING', 'DATA_GATHERING', 'ANALYSIS', 'DRAFTING', 'PUBLISHED', 'ARCHIVED'],
  review_role: ['LEAD_REVIEWER', 'REVIEW_TEAM', 'CASE_GROUP', 'OBSERVER'],
  methodology: ['LEARNING_TOGETHER', 'SILP', 'APPRECIATIVE_INQUIRY', 'OTHER'],
  agency_sector: [
    'CHILDRENS_SOCIAL_CARE',
    'EARLY_HELP',
    'HEALTH',
    'POLICE',
    'EDUCATION',
    'PROBATION',
    'ADULT_SERVICES',
    'HOUSING',
    'VOLUNTARY',
    'OTHER',
  ],
  date_precision: ['DAY', 'MONTH', 'YEAR', 'APPROXIMATE'],
  practice_appraisal: ['GOOD', 'ADEQUATE', 'BELOW_EXPECTED', 'NOT_APPRAISED'],
  factor_level: [
    'FAMILY',
    'PERSONAL',
    'ROLE',
    'CONDITIONS_OF_WORK',
    'OWN_TEAM',
    'INTER_AGENCY',
    'ORGANISATION',
    'WIDER_CONTEXT',
  ],
  finding_category: [
    'INCIDENTS_AND_CRISES',
    'LONGER_TERM_WORK',
    'FAMILY_PROFESSIONAL_INTERACTION',
    'HUMAN_REASONING',
    'TOOLS',
    'MANAGEMENT_SYSTEMS',
  ],
  theme_kind: ['CASE_CHARACTERISTIC', 'PRACTICE_THEME'],
  person_relationship_kind: ['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'LIVES_WITH'],
  board_action_status: ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'],
};

export class CreateReviewModel1763942400000 implements MigrationInterface {
  name = 'CreateReviewModel1763942400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, values] of Object.entries(ENUMS)) {
      await q.query(`CREATE TYPE "${name}" AS ENUM (${values.map((v) => `'${v}'`).join(', ')})`);
    }
    await q.query(`
      CREATE TABLE theme (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        label text NOT NULL,
        kind theme_kind NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        title text NOT NULL,
        partnership text NOT NULL DEFAULT '',
        type review_type NOT NULL,
        status review_status NOT NULL DEFAULT 'SCOPING',
        methodology methodology NOT NULL DEFAULT 'LEARNING_TOGETHER',
        period_start date,
        period_end date,
        summary text,
        case_characteristics text[] NOT NULL DEFAULT '{}',
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_review_period CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_review_reference ON review (reference)`);
    await q.query(
      `CREATE INDEX ix_review_characteristics ON review USING gin (case_characteristics)`,
    );
    await q.query(`
      CREATE TABLE review_member (
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        role review_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (review_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_review_member_user ON review_member (user_id)`);
    await q.query(`
      CREATE TABLE collection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE collection_review (
        collection_id uuid NOT NULL REFERENCES collection(id) ON DELETE CASCADE,
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        PRIMARY KEY (collection_id, review_id)
      )`);
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        name text NOT NULL,
        sector agency_sector NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_agency_review_name ON agency (review_id, name)`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        name text NOT NULL DEFAULT '',
        pseudonym text NOT NULL,
        relationship text,
        household text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_person_review ON person (review_id)`);
    await q.query(`
      CREATE TABLE person_relationship (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        from_person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        to_person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind person_relationship_kind NOT NULL,
        CONSTRAINT ck_person_relationship_distinct CHECK (from_person_id <> to_person_id),
        CONSTRAINT uq_person_relationship UNIQUE (from_person_id, to_person_id, kind)
      )`);
    await q.query(`CREATE INDEX ix_person_relationship_review ON person_relationship (review_id)`);
    await q.query(`
      CREATE TABLE timeline_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        occurred_on text NOT NULL,
        precision date_precision NOT NULL,
        sort_date date NOT NULL,
        end_date date NOT NULL,
        agency_id uuid REFERENCES agency(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        source text,
        sequence bigserial NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_timeline_event_order ON timeline_event (review_id, sort_date, sequence)`,
    );
    await q.query(`
      CREATE TABLE timeline_event_person (
        event_id uuid NOT NULL REFERENCES timeline_event(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE practice_episode (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        summary text,
        start_date date,
        end_date date,
        view_from_the_tunnel text,
        appraisal practice_appraisal NOT NULL DEFAULT 'NOT_APPRAISED',
        appraisal_narrative text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_practice_episode_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT uq_practice_episode_ordinal UNIQUE (review_id, ordinal) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`
      CREATE TABLE episode_event (
        episode_id uuid NOT NULL REFERENCES practice_episode(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES timeline_event(id) ON DELETE CASCADE,
        PRIMARY KEY (episode_id, event_id)
      )`);
    await q.query(`CREATE INDEX ix_episode_event_event ON episode_event (event_id)`);
    await q.query(`
      CREATE TABLE contributory_factor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        episode_id uuid NOT NULL REFERENCES practice_episode(id) ON DELETE CASCADE,
        level factor_level NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        theme_keys text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_contributory_factor_episode ON contributory_factor (episode_id)`,
    );
    await q.query(`CREATE INDEX ix_contributory_factor_review ON contributory_factor (review_id)`);
    await q.query(`
      CREATE TABLE finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        category finding_category NOT NULL,
        statement text,
        manifestation text,
        prevalence text,
        significance text,
        questions text[] NOT NULL DEFAULT '{}',
        theme_keys text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_finding_ordinal UNIQUE (review_id, ordinal) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`CREATE INDEX ix_finding_themes ON finding USING gin (theme_keys)`);
    await q.query(`
      CREATE TABLE finding_evidence (
        finding_id uuid NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
        position integer NOT NULL,
        episode_id uuid REFERENCES practice_episode(id) ON DELETE CASCADE,
        factor_id uuid REFERENCES contributory_factor(id) ON DELETE CASCADE,
        event_id uuid REFERENCES timeline_event(id) ON DELETE CASCADE,
        CONSTRAINT ck_finding_evidence_one_target CHECK (num_nonnulls(episode_id, factor_id, event_id) = 1),
        PRIMARY KEY (finding_id, position)
      )`);
    await q.query(`
      CREATE TABLE board_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        finding_id uuid NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        owning_agency_id uuid REFERENCES agency(id) ON DELETE SET NULL,
        due_date date,
        status board_action_status NOT NULL DEFAULT 'PLANNED',
        dropped_reason text,
        impact_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_board_action_dropped CHECK (status <> 'DROPPED' OR length(btrim(coalesce(dropped_reason, ''))) > 0)
      )`);
    await q.query(`CREATE INDEX ix_board_action_finding ON board_action (finding_id)`);
    await q.query(`
      CREATE TABLE review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        event_id uuid REFERENCES timeline_event(id) ON DELETE CASCADE,
        episode_id uuid REFERENCES practice_episode(id) ON DELETE CASCADE,
        author_id uuid REFERENCES user_account(id) ON DELETE SET NULL,
        author_name text NOT NULL,
        body text NOT NULL CHECK (length(btrim(body)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_review_comment_one_target CHECK (num_nonnulls(event_id, episode_id) = 1)
      )`);
    await q.query(`CREATE INDEX ix_review_comment_review ON review_comment (review_id)`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        review_id uuid REFERENCES review(id) ON DELETE SET NULL,
        actor_id uuid REFERENCES user_account(id) ON DELETE SET NULL,
        actor_email text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        entity_type text NOT NULL,
        entity_id text,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_event_review ON audit_event (review_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'review_comment',
      'board_action',
      'finding_evidence',
      'finding',
      'contributory_factor',
      'episode_event',
      'practice_episode',
      'timeline_event_person',
      'timeline_event',
      'person_relationship',
      'person',
      'agency',
      'collection_review',
      'collection',
      'review_member',
      'review',
      'theme',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    for (const name of Object.keys(ENUMS).reverse()) await q.query(`DROP TYPE "${name}"`);
  }
}

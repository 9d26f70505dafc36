import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE of audit_event,
 * whoever asks, so neither a bug nor a stolen application login can rewrite history.
 *
 * Before this, audit_event.review_id and actor_id were foreign keys ON DELETE SET NULL. SET NULL
 * is itself an UPDATE of the audit row, so the trigger would refuse it anyway, with a confusing
 * message. The application never deletes a review or an account (accounts are deactivated), so the
 * keys become NO ACTION: deleting a review or an account that appears in the trail is refused by
 * the key, plainly, and the trail keeps pointing at what it is about. Removing such a record (a
 * retention rule, a court order) is then a deliberate database-owner procedure that disables this
 * trigger inside its own transaction, not something the application can do by accident.
 */
export class AppendOnlyAudit1764400100000 implements MigrationInterface {
  name = 'AppendOnlyAudit1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event
        DROP CONSTRAINT audit_event_review_id_fkey,
        DROP CONSTRAINT audit_event_actor_id_fkey,
        ADD CONSTRAINT audit_event_review_id_fkey FOREIGN KEY (review_id) REFERENCES review(id),
        ADD CONSTRAINT audit_event_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES user_account(id)`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % of audit_event refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(
      `CREATE INDEX ix_audit_event_outside_reviews ON audit_event (id) WHERE review_id IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_audit_event_outside_reviews`);
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await q.query(`DROP TRIGGER audit_event_no_change ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`
      ALTER TABLE audit_event
        DROP CONSTRAINT audit_event_review_id_fkey,
        DROP CONSTRAINT audit_event_actor_id_fkey,
        ADD CONSTRAINT audit_event_review_id_fkey FOREIGN KEY (review_id)
          REFERENCES review(id) ON DELETE SET NULL,
        ADD CONSTRAINT audit_event_actor_id_fkey FOREIGN KEY (actor_id)
          REFERENCES user_account(id) ON DELETE SET NULL`);
  }
}

import { EntityManager } from 'typeorm';
import { badInput } from '../common/app-error';

/**
 * Renumbers the rows of one review in the given order (1, 2, 3 …). `ids` must name every row of
 * the review exactly once. The ordinal constraint is deferred so rows can swap places.
 */
export async function applyOrder(
  manager: EntityManager,
  table: 'practice_episode' | 'finding' | 'review_question',
  reviewId: string,
  ids: string[],
  field: string,
): Promise<void> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM ${table} WHERE review_id = $1`,
    [reviewId],
  );
  const present = new Set(rows.map((row) => row.id));
  const given = new Set(ids);
  if (given.size !== ids.length)
    throw badInput(`${field}: an id is listed twice.`, { field, value: ids });
  const stranger = ids.find((id) => !present.has(id));
  if (stranger)
    throw badInput(`${field}: ${stranger} is not part of this review.`, { field, value: stranger });
  const missing = [...present].find((id) => !given.has(id));
  if (missing)
    throw badInput(`${field}: list every one of the review's items; ${missing} is missing.`, {
      field,
      value: missing,
    });
  await manager.query(`SET CONSTRAINTS ALL DEFERRED`);
  await manager.query(
    `UPDATE ${table} t SET ordinal = o.position FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
     WHERE t.id = o.id AND t.review_id = $1`,
    [reviewId, ids],
  );
}

/** Closes the gap an item leaves behind when it is removed. */
export async function closeGaps(
  manager: EntityManager,
  table: 'practice_episode' | 'finding' | 'review_question',
  reviewId: string,
): Promise<void> {
  await manager.query(`SET CONSTRAINTS ALL DEFERRED`);
  await manager.query(
    `UPDATE ${table} t SET ordinal = n.position
     FROM (SELECT id, row_number() OVER (ORDER BY ordinal) AS position FROM ${table} WHERE review_id = $1) n
     WHERE t.id = n.id`,
    [reviewId],
  );
}

/** The next free ordinal; the review row is locked so that two concurrent additions cannot take the same one. */
export async function nextOrdinal(
  manager: EntityManager,
  table: 'practice_episode' | 'finding' | 'review_question',
  reviewId: string,
): Promise<number> {
  await manager.query(`SELECT 1 FROM review WHERE id = $1 FOR UPDATE`, [reviewId]);
  const [{ next }] = await manager.query(
    `SELECT coalesce(max(ordinal), 0) + 1 AS next FROM ${table} WHERE review_id = $1`,
    [reviewId],
  );
  return Number(next);
}

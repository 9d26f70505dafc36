/**
 * What duplicate detection did before the pairs were kept as events are written: every pair of
 * other agencies' events on one day (or a month and its days) compared at request time. The
 * baseline of the benchmark, and what the kept pairs are checked against where no day is crowded.
 */
export const EVERY_PAIR_SQL = `
  WITH pairs AS (
    SELECT a.id AS first_id, b.id AS second_id
    FROM timeline_event a
    JOIN timeline_event b ON b.review_id = a.review_id AND b.sort_date = a.sort_date AND a.id < b.id
    WHERE a.review_id = $1 AND a.agency_id <> b.agency_id
      AND a.end_date - a.sort_date <= 31 AND b.end_date - b.sort_date <= 31
    UNION
    SELECT least(a.id, b.id), greatest(a.id, b.id)
    FROM timeline_event a
    JOIN timeline_event b ON b.review_id = a.review_id AND date_trunc('month', b.sort_date)::date = a.sort_date
    WHERE a.review_id = $1 AND a.precision IN ('MONTH', 'APPROXIMATE') AND a.end_date - a.sort_date <= 31
      AND b.precision = 'DAY' AND a.agency_id <> b.agency_id
  ), scored AS (
    SELECT p.first_id, p.second_id, a.sort_date, a.sequence,
           greatest(similarity(a.title, b.title),
                    similarity(a.title || ' ' || coalesce(a.description, ''), b.title || ' ' || coalesce(b.description, ''))) AS score
    FROM pairs p
    JOIN timeline_event a ON a.id = p.first_id
    JOIN timeline_event b ON b.id = p.second_id
    WHERE a.event_group IS NULL OR b.event_group IS NULL OR a.event_group <> b.event_group
  )
  SELECT first_id, second_id, round(score::numeric, 2)::float AS score
  FROM scored WHERE score >= 0.3
  ORDER BY score DESC, sort_date, sequence
  LIMIT $2`;

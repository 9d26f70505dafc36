/**
 * Column lists under the entities' property names, for the hand-written SQL of the review page's
 * hot paths. They leave out the bookkeeping timestamps no screen shows: parsing a timestamp for
 * every row of a large review is most of what an ORM read costs there.
 */
export const COLUMNS = {
  agency: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.name, ${a}.sector, ${a}.version`,
  event: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.occurred_on AS "occurredOn", ${a}.precision, ${a}.sort_date AS "sortDate",
     ${a}.end_date AS "endDate", ${a}.time_of_day AS "timeOfDay", ${a}.agency_id AS "agencyId", ${a}.title,
     ${a}.description, ${a}.source, ${a}.event_group AS "eventGroup",
     ${a}.sequence::text AS "sequence", ${a}.version`,
  episode: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.ordinal, ${a}.title, ${a}.summary, ${a}.start_date AS "startDate",
     ${a}.end_date AS "endDate", ${a}.view_from_the_tunnel AS "viewFromTheTunnel", ${a}.appraisal,
     ${a}.appraisal_narrative AS "appraisalNarrative", ${a}.version`,
  factor: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.episode_id AS "episodeId", ${a}.level, ${a}.description, ${a}.theme_keys AS "themeKeys", ${a}.version`,
  finding: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.ordinal, ${a}.title, ${a}.category, ${a}.statement, ${a}.manifestation,
     ${a}.prevalence, ${a}.significance, ${a}.questions, ${a}.theme_keys AS "themeKeys", ${a}.version`,
  boardAction: (a: string) =>
    `${a}.id, ${a}.review_id AS "reviewId", ${a}.finding_id AS "findingId", ${a}.description,
     ${a}.owning_agency_id AS "owningAgencyId", ${a}.due_date AS "dueDate", ${a}.status,
     ${a}.dropped_reason AS "droppedReason", ${a}.impact_note AS "impactNote", ${a}.version`,
};

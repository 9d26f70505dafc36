import {
  AGENCY_SECTORS,
  AgencySectorName,
  BOARD_ACTION_STATUSES,
  BoardActionStatusName,
  DATE_PRECISIONS,
  DatePrecisionName,
  FACTOR_LEVELS,
  FactorLevelName,
  FINDING_CATEGORIES,
  FindingCategoryName,
  isCalendarDay,
  METHODOLOGIES,
  MethodologyName,
  parsePartialDate,
  PERSON_RELATIONSHIP_KINDS,
  PersonRelationshipKindName,
  PRACTICE_APPRAISALS,
  PracticeAppraisalName,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  ReviewStatusName,
  ReviewTypeName,
  TEXT_LIMITS,
} from '@scr/shared';
import { findControlCharacters } from '../common/validation.pipe';

export const BUNDLE_FORMAT = 'scr-workbench/review-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** The bundle format, version 1 (docs/bundle-format.md). */
export interface ReviewBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  exportedAt?: string;
  review: {
    reference: string;
    title: string;
    partnership: string;
    type: ReviewTypeName;
    status: ReviewStatusName;
    methodology: MethodologyName;
    periodStart: string | null;
    periodEnd: string | null;
    summary: string | null;
    caseCharacteristics: string[];
  };
  agencies: { ref: string; name: string; sector: AgencySectorName }[];
  people: {
    ref: string;
    name: string;
    pseudonym: string;
    relationship: string | null;
    household: string | null;
  }[];
  relationships: { from: string; to: string; kind: PersonRelationshipKindName }[];
  events: {
    ref: string;
    occurredOn: string;
    precision: DatePrecisionName;
    /** HH:MM, optional */
    time?: string | null;
    agency: string | null;
    title: string;
    description: string | null;
    source: string | null;
    people: string[];
  }[];
  episodes: {
    ref: string;
    ordinal: number;
    title: string;
    summary: string | null;
    startDate: string | null;
    endDate: string | null;
    events: string[];
    viewFromTheTunnel: string | null;
    appraisal: PracticeAppraisalName;
    appraisalNarrative: string | null;
  }[];
  factors: {
    ref: string;
    episode: string;
    level: FactorLevelName;
    description: string;
    themes: string[];
  }[];
  findings: {
    ref: string;
    ordinal: number;
    title: string;
    category: FindingCategoryName;
    statement: string | null;
    manifestation: string | null;
    prevalence: string | null;
    significance: string | null;
    questions: string[];
    episodes: string[];
    factors: string[];
    events: string[];
    themes: string[];
    boardActions: {
      description: string;
      owningAgency: string | null;
      dueDate: string | null;
      status: BoardActionStatusName;
      droppedReason: string | null;
      impactNote: string | null;
    }[];
  }[];
}

export interface BundleProblem {
  path: string;
  message: string;
}

export const MAX_PROBLEMS_LISTED = 20;

/**
 * Checks a parsed JSON document against the bundle format and the links inside it. Returns every
 * problem found, in document order; an empty list means the bundle can be imported.
 */
export function checkBundle(
  input: unknown,
  knownThemes: ReadonlyMap<string, string>,
): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(input)) return [{ path: '$', message: 'a bundle is a JSON object' }];
  if (input.format !== BUNDLE_FORMAT) problem('format', `must be "${BUNDLE_FORMAT}"`);
  if (input.formatVersion !== BUNDLE_FORMAT_VERSION) {
    problem(
      'formatVersion',
      `version ${JSON.stringify(input.formatVersion)} is not one this workbench reads (it reads ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  if (problems.length) return problems;

  // A control character anywhere (NUL among them) is refused before anything is written. The
  // bundle carries stored text, which may hold line breaks wherever an import put them.
  for (const found of findControlCharacters(input, '', '', true))
    problem(found.path, found.problem);

  const text = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
    required: boolean,
    maxLength: number,
  ) => {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) problem(`${path}.${key}`, 'is required');
      return;
    }
    if (typeof value !== 'string') problem(`${path}.${key}`, 'must be text');
    else if (required && value.trim() === '') problem(`${path}.${key}`, 'must not be empty');
    else if (value.length > maxLength)
      problem(
        `${path}.${key}`,
        `must be at most ${maxLength} characters long (it has ${value.length})`,
      );
  };
  const oneOf = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
    values: readonly string[],
  ) => {
    if (!values.includes(obj[key] as string))
      problem(
        `${path}.${key}`,
        `must be one of ${values.join(', ')} (got ${JSON.stringify(obj[key])})`,
      );
  };
  const day = (obj: Record<string, unknown>, key: string, path: string) => {
    const value = obj[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !isCalendarDay(value))
      problem(`${path}.${key}`, `must be a calendar day YYYY-MM-DD (got ${JSON.stringify(value)})`);
  };
  const order = (obj: Record<string, unknown>, start: string, end: string, path: string) => {
    if (typeof obj[start] === 'string' && typeof obj[end] === 'string' && obj[end] < obj[start]) {
      problem(`${path}.${end}`, `must not be before ${start}`);
    }
  };
  const list = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
  ): Record<string, unknown>[] => {
    const value = obj[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problem(`${path}${path ? '.' : ''}${key}`, 'must be a list');
      return [];
    }
    return value.map((item, i) => {
      if (!isObject(item)) problem(`${path}${path ? '.' : ''}${key}[${i}]`, 'must be an object');
      return isObject(item) ? item : {};
    });
  };
  const refs = (items: Record<string, unknown>[], key: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const ref = item.ref;
      if (typeof ref !== 'string' || ref === '') problem(`${key}[${i}].ref`, 'is required');
      else if (seen.has(ref)) problem(`${key}[${i}].ref`, `"${ref}" is used twice`);
      else seen.add(ref);
    });
    return seen;
  };
  const pointsTo = (
    value: unknown,
    known: Set<string>,
    path: string,
    what: string,
    optional = false,
  ) => {
    if ((value === null || value === undefined) && optional) return;
    if (typeof value !== 'string' || !known.has(value))
      problem(path, `refers to no ${what} (${JSON.stringify(value)})`);
  };
  const pointAll = (
    obj: Record<string, unknown>,
    key: string,
    known: Set<string>,
    path: string,
    what: string,
  ) => {
    const value = obj[key] ?? [];
    if (!Array.isArray(value)) return problem(`${path}.${key}`, 'must be a list');
    value.forEach((ref, j) => pointsTo(ref, known, `${path}.${key}[${j}]`, what));
  };
  const themes = (obj: Record<string, unknown>, key: string, path: string, kind?: string) => {
    const value = obj[key] ?? [];
    if (!Array.isArray(value)) return problem(`${path}.${key}`, 'must be a list');
    value.forEach((themeKey, j) => {
      const found = knownThemes.get(themeKey as string);
      if (!found) problem(`${path}.${key}[${j}]`, `there is no theme ${JSON.stringify(themeKey)}`);
      else if (kind && found !== kind)
        problem(
          `${path}.${key}[${j}]`,
          `"${themeKey}" is not a ${kind.toLowerCase().replace('_', ' ')}`,
        );
    });
  };

  const review = isObject(input.review) ? input.review : (problem('review', 'is required'), {});
  text(review, 'reference', 'review', true, TEXT_LIMITS.reviewReference);
  text(review, 'title', 'review', true, TEXT_LIMITS.reviewTitle);
  text(review, 'partnership', 'review', false, TEXT_LIMITS.partnership);
  text(review, 'summary', 'review', false, TEXT_LIMITS.reviewSummary);
  oneOf(review, 'type', 'review', REVIEW_TYPES);
  oneOf(review, 'status', 'review', REVIEW_STATUSES);
  oneOf(review, 'methodology', 'review', METHODOLOGIES);
  day(review, 'periodStart', 'review');
  day(review, 'periodEnd', 'review');
  order(review, 'periodStart', 'periodEnd', 'review');
  themes(review, 'caseCharacteristics', 'review', 'CASE_CHARACTERISTIC');

  const agencies = list(input, 'agencies', '');
  const agencyRefs = refs(agencies, 'agencies');
  const agencyNames = new Set<string>();
  agencies.forEach((a, i) => {
    text(a, 'name', `agencies[${i}]`, true, TEXT_LIMITS.agencyName);
    if (typeof a.name === 'string' && agencyNames.has(a.name))
      problem(`agencies[${i}].name`, `"${a.name}" is listed twice`);
    agencyNames.add(a.name as string);
    oneOf(a, 'sector', `agencies[${i}]`, AGENCY_SECTORS);
  });

  const people = list(input, 'people', '');
  const personRefs = refs(people, 'people');
  people.forEach((p, i) => {
    text(p, 'pseudonym', `people[${i}]`, true, TEXT_LIMITS.pseudonym);
    text(p, 'name', `people[${i}]`, false, TEXT_LIMITS.personName);
    text(p, 'relationship', `people[${i}]`, false, TEXT_LIMITS.personRelationship);
    text(p, 'household', `people[${i}]`, false, TEXT_LIMITS.household);
  });
  list(input, 'relationships', '').forEach((r, i) => {
    pointsTo(r.from, personRefs, `relationships[${i}].from`, 'person');
    pointsTo(r.to, personRefs, `relationships[${i}].to`, 'person');
    oneOf(r, 'kind', `relationships[${i}]`, PERSON_RELATIONSHIP_KINDS);
    if (r.from === r.to) problem(`relationships[${i}]`, 'a person cannot be related to themselves');
  });

  const events = list(input, 'events', '');
  const eventRefs = refs(events, 'events');
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    text(e, 'title', path, true, TEXT_LIMITS.eventTitle);
    text(e, 'description', path, false, TEXT_LIMITS.eventDescription);
    text(e, 'source', path, false, TEXT_LIMITS.eventSource);
    oneOf(e, 'precision', path, DATE_PRECISIONS);
    if (typeof e.occurredOn !== 'string') problem(`${path}.occurredOn`, 'is required');
    else if (DATE_PRECISIONS.includes(e.precision as DatePrecisionName)) {
      const parsed = parsePartialDate(e.occurredOn, e.precision as DatePrecisionName);
      if (typeof parsed === 'string') problem(`${path}.occurredOn`, parsed);
    }
    if (
      e.time !== undefined &&
      e.time !== null &&
      (typeof e.time !== 'string' || !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(e.time))
    ) {
      problem(`${path}.time`, `must be a time HH:MM (got ${JSON.stringify(e.time)})`);
    }
    pointsTo(e.agency, agencyRefs, `${path}.agency`, 'agency', true);
    pointAll(e, 'people', personRefs, path, 'person');
  });

  const episodes = list(input, 'episodes', '');
  const episodeRefs = refs(episodes, 'episodes');
  episodes.forEach((k, i) => {
    const path = `episodes[${i}]`;
    text(k, 'title', path, true, TEXT_LIMITS.episodeTitle);
    text(k, 'summary', path, false, TEXT_LIMITS.episodeSummary);
    text(k, 'viewFromTheTunnel', path, false, TEXT_LIMITS.viewFromTheTunnel);
    text(k, 'appraisalNarrative', path, false, TEXT_LIMITS.appraisalNarrative);
    oneOf(k, 'appraisal', path, PRACTICE_APPRAISALS);
    day(k, 'startDate', path);
    day(k, 'endDate', path);
    order(k, 'startDate', 'endDate', path);
    pointAll(k, 'events', eventRefs, path, 'event');
  });

  const factors = list(input, 'factors', '');
  const factorRefs = refs(factors, 'factors');
  factors.forEach((f, i) => {
    const path = `factors[${i}]`;
    pointsTo(f.episode, episodeRefs, `${path}.episode`, 'episode');
    oneOf(f, 'level', path, FACTOR_LEVELS);
    text(f, 'description', path, true, TEXT_LIMITS.factorDescription);
    themes(f, 'themes', path);
  });

  const findings = list(input, 'findings', '');
  refs(findings, 'findings');
  findings.forEach((n, i) => {
    const path = `findings[${i}]`;
    text(n, 'title', path, true, TEXT_LIMITS.findingTitle);
    text(n, 'statement', path, false, TEXT_LIMITS.findingStatement);
    for (const key of ['manifestation', 'prevalence', 'significance'])
      text(n, key, path, false, TEXT_LIMITS.findingPart);
    oneOf(n, 'category', path, FINDING_CATEGORIES);
    if (
      n.questions !== undefined &&
      (!Array.isArray(n.questions) || n.questions.some((q) => typeof q !== 'string' || !q.trim()))
    ) {
      problem(`${path}.questions`, 'must be a list of non-empty questions');
    } else if (n.questions !== undefined) {
      (n.questions as string[]).forEach((question, j) => {
        if (question.length > TEXT_LIMITS.findingQuestion)
          problem(
            `${path}.questions[${j}]`,
            `must be at most ${TEXT_LIMITS.findingQuestion} characters long (it has ${question.length})`,
          );
      });
    }
    pointAll(n, 'episodes', episodeRefs, path, 'episode');
    pointAll(n, 'factors', factorRefs, path, 'factor');
    pointAll(n, 'events', eventRefs, path, 'event');
    themes(n, 'themes', path);
    list(n, 'boardActions', path).forEach((a, j) => {
      const actionPath = `${path}.boardActions[${j}]`;
      text(a, 'description', actionPath, true, TEXT_LIMITS.boardActionDescription);
      text(a, 'droppedReason', actionPath, false, TEXT_LIMITS.droppedReason);
      text(a, 'impactNote', actionPath, false, TEXT_LIMITS.impactNote);
      oneOf(a, 'status', actionPath, BOARD_ACTION_STATUSES);
      day(a, 'dueDate', actionPath);
      pointsTo(a.owningAgency, agencyRefs, `${actionPath}.owningAgency`, 'agency', true);
      if (
        a.status === 'DROPPED' &&
        (typeof a.droppedReason !== 'string' || !a.droppedReason.trim())
      ) {
        problem(`${actionPath}.droppedReason`, 'a dropped action needs a reason');
      }
    });
  });
  return problems;
}

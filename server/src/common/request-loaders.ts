import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { Comment } from '../chronology/comment.entity';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { BoardAction } from '../findings/board-action.entity';
import { Finding } from '../findings/finding.entity';
import { Agency } from '../reviews/agency.entity';
import { Person } from '../reviews/person.entity';
import { PersonRelationship } from '../reviews/person-relationship.entity';
import { Review } from '../reviews/review.entity';
import { ReviewMember } from '../reviews/review-member.entity';
import { Theme } from '../themes/theme.entity';
import { User } from '../users/user.entity';
import { selectColumns } from '../database/entity-columns';
import { today } from './today';
import { FINDING_CATEGORY_DESCRIPTIONS, OPEN_BOARD_ACTION_STATUSES } from '@scr/shared';

export interface EvidenceRow {
  findingId: string;
  episodeId: string | null;
  factorId: string | null;
  /** The linked event itself, read in the same statement as the links. */
  event: TimelineEvent | null;
}

/** The rows of several loaded lists by id; a list that failed to load contributes nothing. */
function indexById<T extends { id: string }>(lists: (T[] | Error)[]): Map<string, T> {
  return new Map(
    lists.flatMap((list) => (Array.isArray(list) ? list : [])).map((row) => [row.id, row]),
  );
}

/** The themes of the keys, in their order; a key the vocabulary lacks is left out. */
function themesIn(vocabulary: Map<string, Theme>, keys: string[]): Theme[] {
  return keys.flatMap((key) => vocabulary.get(key) ?? []);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * DataLoaders made fresh for every request: each nested field costs one `WHERE … IN (…)` query
 * per level of the query, however many rows there are. Loaders of one-to-many lists prime the
 * by-id loaders, so a later lookup of a row already fetched costs nothing.
 */
export class RequestLoaders {
  constructor(private readonly dataSource: DataSource) {}

  private byId<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    complete?: (rows: T[]) => Promise<unknown>,
  ) {
    return new DataLoader<string, T | null>(async (ids) => {
      const rows = await this.dataSource
        .getRepository(entity)
        .findBy({ id: In([...ids]) } as never);
      await complete?.(rows);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  private listBy<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    order: Record<string, 'ASC' | 'DESC'>,
    prime?: DataLoader<string, T | null>,
  ) {
    return new DataLoader<string, T[]>(async (keys) => {
      const rows = await this.dataSource
        .getRepository(entity)
        .find({ where: { [column]: In([...keys]) } as never, order: order as never });
      for (const row of rows) prime?.prime(row.id, row);
      return groupBy(keys, rows, (row) => row[column] as string);
    });
  }

  /** The columns of the events read with hand-written SQL, as entity-columns.ts lists them. */
  private get eventColumns(): string {
    return selectColumns(this.dataSource, TimelineEvent, 'e');
  }

  /** A one-to-many list read with hand-written SQL (see entity-columns.ts), grouped by `keyProperty`. */
  private sqlListBy<T>(
    entity: EntityTarget<T>,
    keyProperty: keyof T & string,
    orderBy: string,
    complete?: (rows: T[]) => Promise<unknown>,
  ) {
    return new DataLoader<string, T[]>(async (keys) => {
      const metadata = this.dataSource.getMetadata(entity);
      const keyColumn = metadata.findColumnWithPropertyName(keyProperty)!.databaseName;
      const rows: T[] = await this.dataSource.query(
        `SELECT ${selectColumns(this.dataSource, entity, 't')} FROM ${metadata.tableName} t
         WHERE t.${keyColumn} = ANY($1) ORDER BY ${orderBy}`,
        [keys],
      );
      await complete?.(rows);
      return groupBy(keys, rows, (row) => row[keyProperty] as string);
    });
  }

  readonly reviewById = this.byId(Review);
  readonly userById = this.byId(User);
  readonly personById = this.byId(Person);
  readonly episodeById = this.byId(PracticeEpisode, (episodes) =>
    this.withEpisodeDetails(episodes),
  );

  readonly agenciesByReview = this.sqlListBy<Agency>(Agency, 'reviewId', 't.name, t.id');
  readonly factorsByReview = this.sqlListBy<ContributoryFactor>(
    ContributoryFactor,
    'reviewId',
    't.level, t.created_at, t.id',
    (factors) => this.withThemes(factors),
  );
  readonly peopleByReview = this.listBy(
    Person,
    'reviewId',
    { createdAt: 'ASC', id: 'ASC' },
    this.personById,
  );
  readonly relationshipsByReview = this.listBy(PersonRelationship, 'reviewId', {
    kind: 'ASC',
    id: 'ASC',
  });
  readonly episodesByReview = this.sqlListBy<PracticeEpisode>(
    PracticeEpisode,
    'reviewId',
    't.ordinal',
    (episodes) => this.withEpisodeDetails(episodes),
  );
  readonly findingsByReview = this.sqlListBy<Finding>(
    Finding,
    'reviewId',
    't.ordinal',
    (findings) => this.withFindingDetails(findings),
  );
  readonly boardActionsByFinding = this.sqlListBy<BoardAction>(
    BoardAction,
    'findingId',
    't.due_date NULLS LAST, t.created_at, t.id',
    (actions) => this.withActionDetails(actions),
  );
  readonly commentsByEvent = this.listBy(Comment, 'eventId', { createdAt: 'ASC' });
  readonly commentsByEpisode = this.listBy(Comment, 'episodeId', { createdAt: 'ASC' });
  readonly membersByReview = new DataLoader<string, ReviewMember[]>(async (keys) => {
    const rows = await this.dataSource
      .getRepository(ReviewMember)
      .find({ where: { reviewId: In([...keys]) }, order: { createdAt: 'ASC' } });
    return groupBy(keys, rows, (row) => row.reviewId);
  });

  private toEvent(row: Record<string, unknown>): TimelineEvent {
    return row as unknown as TimelineEvent;
  }

  /** The events of each episode, in date order, with the links in one statement. */
  readonly eventsByEpisode = new DataLoader<string, TimelineEvent[]>(async (episodeIds) => {
    const rows: ({ episodeId: string } & Record<string, unknown>)[] = await this.dataSource.query(
      `SELECT ee.episode_id AS "episodeId", ${this.eventColumns}
       FROM episode_event ee JOIN timeline_event e ON e.id = ee.event_id
       WHERE ee.episode_id = ANY($1) ORDER BY e.sort_date, e.sequence`,
      [episodeIds],
    );
    const groups = groupBy(episodeIds, rows, (row) => row.episodeId).map((group) =>
      group.map(({ episodeId: _episodeId, ...event }) => this.toEvent(event)),
    );
    await this.withAgencies(groups.flat());
    return groups;
  });

  readonly personIdsByEvent = new DataLoader<string, string[]>(async (eventIds) => {
    const rows: { event_id: string; person_id: string }[] = await this.dataSource.query(
      `SELECT event_id, person_id FROM timeline_event_person WHERE event_id = ANY($1)`,
      [eventIds],
    );
    return groupBy(eventIds, rows, (row) => row.event_id).map((group) =>
      group.map((row) => row.person_id),
    );
  });

  readonly evidenceByFinding = new DataLoader<string, EvidenceRow[]>(async (findingIds) => {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT fe.finding_id AS "findingId", fe.episode_id AS "episodeId", fe.factor_id AS "factorId", ${this.eventColumns}
       FROM finding_evidence fe LEFT JOIN timeline_event e ON e.id = fe.event_id
       WHERE fe.finding_id = ANY($1) ORDER BY fe.finding_id, fe.position`,
      [findingIds],
    );
    const evidence = rows.map(({ findingId, episodeId, factorId, ...event }) => ({
      findingId: findingId as string,
      episodeId: episodeId as string | null,
      factorId: factorId as string | null,
      event: event.id ? this.toEvent(event) : null,
    }));
    await this.withAgencies(evidence.flatMap((row) => (row.event ? [row.event] : [])));
    return groupBy(findingIds, evidence, (row) => row.findingId);
  });

  /**
   * Puts each event's agency on it, from the review's agency list (one list per review, shared
   * with the review's own agencies field). Done once per list rather than per event, so that the
   * field is plain data and costs GraphQL no resolver call per event.
   */
  async withAgencies(events: TimelineEvent[]): Promise<TimelineEvent[]> {
    const byId = await this.agenciesOf(events);
    for (const event of events)
      event.agency = event.agencyId ? (byId.get(event.agencyId) ?? null) : null;
    return events;
  }

  /** Puts each factor's themes on it from the vocabulary, for the same reason as withAgencies. */
  async withThemes(factors: ContributoryFactor[]): Promise<ContributoryFactor[]> {
    const vocabulary = await this.themes();
    for (const factor of factors) factor.themes = themesIn(vocabulary, factor.themeKeys);
    return factors;
  }

  /** Puts each episode's events and factors on it: two statements for any number of episodes. */
  async withEpisodeDetails(episodes: PracticeEpisode[]): Promise<PracticeEpisode[]> {
    const [events] = await Promise.all([
      this.eventsByEpisode.loadMany(episodes.map((episode) => episode.id)),
      this.factorsByReview.loadMany([...new Set(episodes.map((episode) => episode.reviewId))]),
    ]);
    await Promise.all(
      episodes.map(async (episode, i) => {
        episode.events = Array.isArray(events[i]) ? events[i] : [];
        episode.factors = await this.factorsOfEpisode(episode.reviewId, episode.id);
      }),
    );
    return episodes;
  }

  /** Puts each finding's evidence, themes, category label and board actions on it. */
  async withFindingDetails(findings: Finding[]): Promise<Finding[]> {
    const ids = findings.map((finding) => finding.id);
    const reviewIds = [...new Set(findings.map((finding) => finding.reviewId))];
    const [evidence, actions, episodeLists, factorLists, vocabulary] = await Promise.all([
      this.evidenceByFinding.loadMany(ids),
      this.boardActionsByFinding.loadMany(ids),
      this.episodesByReview.loadMany(reviewIds),
      this.factorsByReview.loadMany(reviewIds),
      this.themes(),
    ]);
    const episodes = indexById(episodeLists);
    const factors = indexById(factorLists);
    findings.forEach((finding, i) => {
      const links = Array.isArray(evidence[i]) ? evidence[i] : [];
      finding.categoryLabel = FINDING_CATEGORY_DESCRIPTIONS[finding.category].label;
      finding.episodes = links.flatMap((link) =>
        link.episodeId && episodes.has(link.episodeId) ? [episodes.get(link.episodeId)!] : [],
      );
      finding.factors = links.flatMap((link) =>
        link.factorId && factors.has(link.factorId) ? [factors.get(link.factorId)!] : [],
      );
      finding.events = links.flatMap((link) => (link.event ? [link.event] : []));
      finding.themes = themesIn(vocabulary, finding.themeKeys);
      finding.boardActions = Array.isArray(actions[i]) ? actions[i] : [];
    });
    return findings;
  }

  /** Puts each board action's owning agency and whether it is overdue on it. */
  async withActionDetails(actions: BoardAction[]): Promise<BoardAction[]> {
    const agencies = await this.agenciesOf(actions);
    const now = today();
    for (const action of actions) {
      action.owningAgency = action.owningAgencyId
        ? (agencies.get(action.owningAgencyId) ?? null)
        : null;
      action.overdue =
        action.dueDate !== null &&
        action.dueDate < now &&
        OPEN_BOARD_ACTION_STATUSES.includes(action.status);
    }
    return actions;
  }

  /** The events of each event group: the records of one occasion by several agencies. */
  readonly eventsByGroup = new DataLoader<string, TimelineEvent[]>(async (groups) => {
    const rows: TimelineEvent[] = await this.dataSource.query(
      `SELECT ${this.eventColumns} FROM timeline_event e WHERE e.event_group = ANY($1) ORDER BY e.sort_date, e.sequence`,
      [groups],
    );
    await this.withAgencies(rows);
    return groupBy(groups, rows, (row) => row.eventGroup!);
  });

  /** The agencies of the records' reviews by id, through the lists the page usually loads anyway. */
  private async agenciesOf(records: { reviewId: string }[]): Promise<Map<string, Agency>> {
    return indexById(
      await this.agenciesByReview.loadMany([...new Set(records.map((r) => r.reviewId))]),
    );
  }

  async factorsOfEpisode(reviewId: string, episodeId: string): Promise<ContributoryFactor[]> {
    return (await this.factorsByReview.load(reviewId)).filter(
      (factor) => factor.episodeId === episodeId,
    );
  }

  private vocabulary?: Promise<Map<string, Theme>>;

  /** The whole theme vocabulary, read once per request: it is small and every theme field needs it. */
  themes(): Promise<Map<string, Theme>> {
    this.vocabulary ??= this.dataSource
      .getRepository(Theme)
      .find({ order: { kind: 'ASC', label: 'ASC' } })
      .then((themes) => new Map(themes.map((theme) => [theme.key, theme])));
    return this.vocabulary;
  }

  async themesFor(keys: string[]): Promise<Theme[]> {
    return themesIn(await this.themes(), keys);
  }
}

import { Injectable } from '@nestjs/common';
import {
  FACTOR_LEVEL_LABELS,
  FactorLevelName,
  formatPartialDate,
  PRACTICE_APPRAISAL_LABELS,
  PracticeAppraisalName,
} from '@scr/shared';
import { AuditService } from '../../audit/audit.service';
import { neutraliseFormula } from '../../chronology/export/spreadsheet-safety';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { User } from '../../users/user.entity';
import { KpeTableRepository } from './kpe-table.repository';

/** The columns of SCIE's key practice episode table (Learning Together, appendix 4). */
export const KPE_HEADINGS = [
  'Episode',
  'What happened',
  'View from the tunnel',
  'Appraisal of practice',
  'Explanation: why it made sense at the time',
  'Contributory factors',
];

/** The key practice episode table: who may have it, and its rows, one per episode in order. */
@Injectable()
export class KpeTableService {
  constructor(
    private readonly rows: KpeTableRepository,
    private readonly loaders: RequestLoadersFactory,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the user may read the review, records the download and names the file. */
  async start(user: User, reviewId: string): Promise<string> {
    const review = await this.access.require(user, reviewId, 'read', this.loaders.create());
    // No register names, but the events' titles are the agencies' own words and may name
    // people, as in the chronology download: every download is recorded.
    await this.rows.transaction((transaction) =>
      this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'download',
        after: { download: 'kpe-table.csv', realNames: false },
      }),
    );
    return `${review.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}-key-practice-episodes.csv`;
  }

  /** The rows, each as the table's cells, safe to open in a spreadsheet. */
  async table(reviewId: string): Promise<string[][]> {
    return (await this.cells(reviewId)).map((row) => row.map(neutraliseFormula));
  }

  /** The rows as text, for documents (the review report's appendix). */
  async cells(reviewId: string): Promise<string[][]> {
    const [episodes, events, factors] = await Promise.all([
      this.rows.episodes(reviewId),
      this.rows.events(reviewId),
      this.rows.factors(reviewId),
    ]);
    const eventsOf = groupBy(events, (e) => e.episode_id);
    const factorsOf = groupBy(factors, (f) => f.episode_id);
    return episodes.map((k) => {
      const happened = [
        k.summary,
        ...(eventsOf.get(k.id) ?? []).map(
          (e) => `${formatPartialDate(e.occurred_on, e.precision)}: ${e.title}`,
        ),
      ].filter((line): line is string => !!line);
      const appraisal = PRACTICE_APPRAISAL_LABELS[k.appraisal as PracticeAppraisalName];
      return [
        `${k.ordinal}. ${k.title}`,
        happened.join('\n'),
        k.view_from_the_tunnel,
        k.appraisal_narrative ? `${appraisal}: ${k.appraisal_narrative}` : appraisal,
        k.explanation,
        (factorsOf.get(k.id) ?? [])
          .map((f) => `${FACTOR_LEVEL_LABELS[f.level as FactorLevelName]}: ${f.description}`)
          .join('; '),
      ].map((cell) => cell ?? '');
    });
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

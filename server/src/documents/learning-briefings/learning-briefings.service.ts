import { LEARNING_BRIEFING_LIST_SECTIONS, LEARNING_BRIEFING_SECTIONS } from '@scr/shared';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { RequestLoaders } from '../../common/request-loaders';
import { findProblems, PublicationProblemKind } from '../../publication/anonymisation';
import { Collection } from '../../reviews/collection.entity';
import { CollectionsService } from '../../reviews/collections.service';
import { mayChangeCollection } from '../../reviews/review-access';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { Review } from '../../reviews/review.entity';
import { ThemeKeysService } from '../../themes/theme-keys.service';
import { User } from '../../users/user.entity';
import { PrintedDocument } from '../render/document-model';
import { LearningBriefingInput } from './dto/learning-briefing.input';
import { emergingThemes, EmergingThemes } from './emerging-themes';
import {
  learningBriefingDocument,
  LearningBriefingSections,
  LearningBriefingSubject,
} from './learning-briefing-document';
import { LearningBriefingRecord } from './learning-briefing.entity';
import { BriefingAnonymisationWarning, LearningBriefing } from './learning-briefing.types';
import {
  BriefingSubjectColumn,
  LearningBriefingsRepository,
} from './learning-briefings.repository';

const SECTION_FIELDS = LEARNING_BRIEFING_SECTIONS;
const LIST_FIELDS = LEARNING_BRIEFING_LIST_SECTIONS;

const EMPTY_SECTIONS: LearningBriefingSections = {
  title: '',
  background: '',
  methodology: '',
  goodPractice: [],
  keyFindings: [],
  learningPoints: [],
  recommendations: [],
  messagesForManagers: [],
  messagesForPractitioners: [],
  furtherInformation: [],
};

/** The sections as stored: texts trimmed, blank list items dropped. */
export function cleanSections(input: LearningBriefingInput): LearningBriefingSections {
  const lists = Object.fromEntries(
    LIST_FIELDS.map((field) => [
      field,
      input[field].map((item) => item.trim()).filter((item) => item.length > 0),
    ]),
  ) as unknown as Pick<LearningBriefingSections, (typeof LIST_FIELDS)[number]>;
  return {
    title: input.title.trim(),
    background: input.background.trim(),
    methodology: input.methodology.trim(),
    ...lists,
  };
}

const sectionsOf = (record: LearningBriefingRecord | null): LearningBriefingSections =>
  record
    ? (Object.fromEntries(
        SECTION_FIELDS.map((field) => [field, record[field]]),
      ) as unknown as LearningBriefingSections)
    : EMPTY_SECTIONS;

/** What a briefing is about, with the cases it counts. */
interface Subject {
  column: BriefingSubjectColumn;
  id: string;
  subject: LearningBriefingSubject;
  reviews: Review[];
  /** the reviews whose people registers the user may see by real name: the warnings' source */
  namesFrom: Review[];
  editable: boolean;
}

/**
 * Learning briefings: the partnership's sections about a review or a collection (an audit round),
 * and the emerging themes computed from the case characteristics of the reviews as they are now.
 * The reviews are read through the reviews context (its access rules, its collections, its
 * request loaders), the vocabulary through the themes context's service; only the briefing's own
 * table is read here.
 */
@Injectable()
export class LearningBriefingsService {
  constructor(
    private readonly briefings: LearningBriefingsRepository,
    private readonly access: ReviewAccessService,
    private readonly collections: CollectionsService,
    private readonly themes: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  /** The briefing of a review the user may read (an empty one until first saved). */
  async forReview(
    user: User,
    reviewId: string,
    loaders: RequestLoaders,
  ): Promise<LearningBriefing> {
    return this.view(await this.reviewSubject(user, reviewId, 'read', loaders), loaders);
  }

  /** The briefing of a collection, over the collection's reviews that the user may read. */
  async forCollection(
    user: User,
    collectionId: string,
    loaders: RequestLoaders,
  ): Promise<LearningBriefing> {
    return this.view(await this.collectionSubject(user, collectionId, false, loaders), loaders);
  }

  /** The briefing as it prints, for the download routes. */
  async documentFor(
    user: User,
    kind: 'review' | 'collection',
    id: string,
    loaders: RequestLoaders,
  ): Promise<PrintedDocument> {
    const subject =
      kind === 'review'
        ? await this.reviewSubject(user, id, 'read', loaders)
        : await this.collectionSubject(user, id, false, loaders);
    const record = await this.briefings.findBy(subject.column, subject.id);
    return this.printed(subject, record, await this.themesOf(subject.reviews));
  }

  /**
   * Saves a review's briefing: those who may record the partnership's response (the lead
   * reviewer, the review team, administrators), before and after publication.
   */
  async saveForReview(
    user: User,
    reviewId: string,
    expectedVersion: number,
    input: LearningBriefingInput,
    loaders: RequestLoaders,
  ): Promise<LearningBriefing> {
    const subject = await this.reviewSubject(user, reviewId, 'respond', loaders);
    await this.save(user, subject, expectedVersion, cleanSections(input));
    return this.view(subject, loaders);
  }

  /** Saves a collection's briefing: its owner and administrators. */
  async saveForCollection(
    user: User,
    collectionId: string,
    expectedVersion: number,
    input: LearningBriefingInput,
    loaders: RequestLoaders,
  ): Promise<LearningBriefing> {
    const subject = await this.collectionSubject(user, collectionId, true, loaders);
    await this.save(user, subject, expectedVersion, cleanSections(input));
    return this.view(subject, loaders);
  }

  private async reviewSubject(
    user: User,
    reviewId: string,
    capability: 'read' | 'respond',
    loaders: RequestLoaders,
  ): Promise<Subject> {
    const review = await this.access.require(user, reviewId, capability, loaders);
    const capabilities = await this.access.capabilities(user, review, loaders);
    return {
      column: 'reviewId',
      id: review.id,
      subject: { kind: 'review', name: review.reference, partnership: review.partnership },
      reviews: [review],
      namesFrom: capabilities.has('readRealNames') ? [review] : [],
      editable: capabilities.has('respond'),
    };
  }

  private async collectionSubject(
    user: User,
    collectionId: string,
    toChange: boolean,
    loaders: RequestLoaders,
  ): Promise<Subject> {
    const collection: Collection | null = await this.collections.find(collectionId);
    if (!collection) throw notFound(`There is no collection with id ${collectionId}.`);
    const editable = mayChangeCollection(user, collection);
    if (toChange && !editable)
      throw forbidden("Only the collection's owner or an administrator may change its briefing.");
    const reviews = await this.collections.visibleReviews(user, collection, loaders);
    const realNames = await Promise.all(
      reviews.map(async (r) =>
        (await this.access.capabilities(user, r, loaders)).has('readRealNames'),
      ),
    );
    const partnerships = [...new Set(reviews.map((r) => r.partnership.trim()).filter(Boolean))];
    return {
      column: 'collectionId',
      id: collection.id,
      subject: { kind: 'collection', name: collection.name, partnership: partnerships.join(', ') },
      reviews,
      namesFrom: reviews.filter((_, i) => realNames[i]),
      editable,
    };
  }

  private async save(
    user: User,
    subject: Subject,
    expectedVersion: number,
    sections: LearningBriefingSections,
  ): Promise<void> {
    const changes = { ...sections, updatedById: user.id } as Partial<LearningBriefingRecord>;
    await this.briefings.transaction(async (transaction) => {
      const briefings = this.briefings.in(transaction);
      const existing = await briefings.findBy(subject.column, subject.id);
      let before: LearningBriefingRecord | null = null;
      let after: LearningBriefingRecord;
      if (!existing) {
        if (expectedVersion !== 0)
          throw conflict(
            `This learning briefing has not been saved yet: send expectedVersion 0, not ${expectedVersion}.`,
            { currentVersion: 0, expectedVersion },
          );
        after = await briefings.insert(subject.column, subject.id, changes);
      } else {
        ({ before, after } = await briefings.update(existing.id, expectedVersion, changes));
      }
      await this.audit.record(transaction, user, {
        reviewId: subject.column === 'reviewId' ? subject.id : null,
        entityType: 'LearningBriefing',
        entityId: after.id,
        action: before ? 'update' : 'create',
        before,
        after,
      });
    });
  }

  private async themesOf(reviews: Review[]): Promise<EmergingThemes> {
    return emergingThemes(reviews, await this.themes.vocabulary());
  }

  private printed(
    subject: Subject,
    record: LearningBriefingRecord | null,
    themes: EmergingThemes,
  ): PrintedDocument {
    return learningBriefingDocument(
      subject.subject,
      sectionsOf(record),
      themes,
      record?.updatedAt ?? new Date(),
    );
  }

  /** What may name someone in the sections: the people registers of the reviews counted. */
  private async warnings(
    subject: Subject,
    sections: LearningBriefingSections,
    loaders: RequestLoaders,
  ): Promise<BriefingAnonymisationWarning[]> {
    const ids = subject.namesFrom.map((review) => review.id);
    const [people, agencies] = await Promise.all([
      Promise.all(ids.map((id) => loaders.peopleByReview.load(id))),
      Promise.all(ids.map((id) => loaders.agenciesByReview.load(id))),
    ]);
    const texts = SECTION_FIELDS.flatMap((field) => {
      const value = sections[field];
      const items =
        typeof value === 'string' ? [[field, value]] : value.map((v, i) => [`${field}[${i}]`, v]);
      return items.map(([name, text]) => ({
        recordType: 'LearningBriefing',
        recordId: subject.id,
        field: name,
        text,
        fixAt: 'briefing',
      }));
    });
    return findProblems({
      people: people.flat().map((person) => ({ name: person.name, aliases: person.aliases ?? [] })),
      practitioners: [],
      allowedNames: agencies.flat().map((agency) => agency.name),
      texts,
    })
      .filter((problem) => problem.kind !== PublicationProblemKind.READINESS)
      .map((problem) => ({ field: problem.field, excerpt: problem.excerpt, kind: problem.kind }));
  }

  private async view(subject: Subject, loaders: RequestLoaders): Promise<LearningBriefing> {
    const record = await this.briefings.findBy(subject.column, subject.id);
    const sections = sectionsOf(record);
    const themes = await this.themesOf(subject.reviews);
    return {
      id: record?.id ?? null,
      reviewId: subject.column === 'reviewId' ? subject.id : null,
      collectionId: subject.column === 'collectionId' ? subject.id : null,
      version: record?.version ?? 0,
      editable: subject.editable,
      ...sections,
      goodPractice: [...sections.goodPractice],
      keyFindings: [...sections.keyFindings],
      learningPoints: [...sections.learningPoints],
      recommendations: [...sections.recommendations],
      messagesForManagers: [...sections.messagesForManagers],
      messagesForPractitioners: [...sections.messagesForPractitioners],
      furtherInformation: [...sections.furtherInformation],
      updatedAt: record?.updatedAt ?? null,
      emergingThemes: themes,
      anonymisationWarnings: subject.editable
        ? await this.warnings(subject, sections, loaders)
        : [],
      document: this.printed(subject, record, themes),
    };
  }
}

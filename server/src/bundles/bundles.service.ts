import { practitionersInSource } from '../publication/anonymisation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AnalysisBundlePart } from '../analysis/analysis-bundle-part';
import { AuditService } from '../audit/audit.service';
import { ChronologyBundlePart } from '../chronology/chronology-bundle-part';
import { AppError, forbidden } from '../common/app-error';
import { BundlePart, BundleRefs, BundleTarget } from '../common/bundle-part';
import { RequestLoadersFactory } from '../common/request-loaders';
import { Transaction } from '../database/unit-of-work';
import { LearningBriefingsBundlePart } from '../documents/learning-briefings/learning-briefings-bundle-part';
import { FindingsBundlePart } from '../findings/findings-bundle-part';
import { ReviewAccessService } from '../reviews/review-access.service';
import { ReviewsBundlePart } from '../reviews/reviews-bundle-part';
import { ReviewSetupBundlePart } from '../review-setup/review-setup-bundle-part';
import { SettingsService } from '../settings/settings.service';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { Role, User } from '../users/user.entity';
import {
  BundleNames,
  BundleSource,
  checkSource,
  ExportedBundle,
  importedFromOf,
  withoutRealNames,
} from './bundle-provenance';
import { BundlesRepository } from './bundles.repository';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  checkBundle,
  MAX_PROBLEMS_LISTED,
  ReviewBundle,
} from './review-bundle';

const INSTALLATION_SETTING = 'installation_id';

/**
 * A whole review to and from one JSON file. Each context reads, checks and writes its own
 * sections (its BundlePart); this service runs them in order, in one transaction.
 */
@Injectable()
export class BundlesService {
  private readonly parts: readonly BundlePart<unknown>[];

  constructor(
    private readonly bundles: BundlesRepository,
    private readonly loaderFactory: RequestLoadersFactory,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly themeKeys: ThemeKeysService,
    private readonly reviewsPart: ReviewsBundlePart,
    chronologyPart: ChronologyBundlePart,
    analysisPart: AnalysisBundlePart,
    setupPart: ReviewSetupBundlePart,
    findingsPart: FindingsBundlePart,
    learningBriefingPart: LearningBriefingsBundlePart,
  ) {
    // The order of the sections in the file, and the order the parts resolve references in.
    this.parts = [
      reviewsPart,
      chronologyPart,
      analysisPart,
      setupPart,
      findingsPart,
      learningBriefingPart,
    ] as BundlePart<unknown>[];
  }

  /**
   * The whole review as a bundle. With real names it is a copy of everything, so a lead reviewer's
   * or an administrator's action; anyone else who may read the review gets it with pseudonyms only.
   * Every export is recorded in the review's audit trail (docs/bundle-format.md).
   */
  async export(user: User, reviewId: string, names?: BundleNames): Promise<ExportedBundle> {
    const loaders = this.loaderFactory.create();
    const review = await this.access.require(user, reviewId, 'read', loaders);
    const allowed = await this.access.capabilities(user, review, loaders);
    const realNames = (names ?? (allowed.has('manage') ? 'real' : 'pseudonyms')) === 'real';
    if (realNames && !allowed.has('manage'))
      throw forbidden(
        "A bundle with real names is exported by the review's lead reviewer or an administrator; ask for names=pseudonyms.",
      );
    const bundle = await this.read(reviewId);
    const installation = await this.settings.getOrInit(INSTALLATION_SETTING, randomUUID);
    return this.bundles.transaction(async (transaction) => {
      const source: BundleSource = {
        installation,
        reviewId,
        reference: review.reference,
        exportedBy: user.email,
        realNames,
      };
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'download',
        after: { download: 'bundle.json', realNames },
      });
      return { ...(realNames ? bundle : withoutRealNames(bundle)), source };
    });
  }

  /**
   * The review for a document everyone may read (the review report): the bundle without real
   * names, and the names that must be kept out of its texts (the people's real names and other
   * names, the practitioners the chronology import recorded), read from one snapshot.
   */
  async forDocument(reviewId: string): Promise<{
    bundle: ReviewBundle;
    people: { name: string; aliases: string[]; pseudonym: string }[];
    practitioners: string[];
  }> {
    const bundle = await this.read(reviewId);
    return {
      bundle: withoutRealNames(bundle),
      people: bundle.people.map((p) => ({
        name: p.name,
        aliases: p.aliases ?? [],
        pseudonym: p.pseudonym,
      })),
      practitioners: [...new Set(bundle.events.flatMap((e) => practitionersInSource(e.source)))],
    };
  }

  /** The review as a bundle, with real names, read from one snapshot. */
  private read(reviewId: string): Promise<ReviewBundle> {
    return this.bundles.transaction(
      (transaction) => this.readIn(transaction, reviewId),
      'REPEATABLE READ',
    );
  }

  /**
   * The review as a bundle without real names, read inside the caller's transaction (publication
   * writes its snapshot from it in the same transaction).
   */
  async pseudonymisedIn(transaction: Transaction, reviewId: string): Promise<ReviewBundle> {
    return withoutRealNames(await this.readIn(transaction, reviewId));
  }

  private async readIn(transaction: Transaction, reviewId: string): Promise<ReviewBundle> {
    const refs = new BundleRefs();
    const sections: Record<string, unknown> = {};
    for (const part of this.parts)
      Object.assign(sections, await part.read(transaction, reviewId, refs));
    return {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      ...sections,
    } as ReviewBundle;
  }

  /** Imports a bundle as a new review whose lead reviewer is the importer; all or nothing. */
  async import(user: User, input: unknown): Promise<{ reviewId: string; reference: string }> {
    if (![Role.ADMIN, Role.REVIEWER].includes(user.role))
      throw forbidden('Only reviewers and administrators import reviews.');
    return this.bundles.transaction(async (transaction) => {
      const problems = [
        ...checkBundle(input, await this.themeKeys.kinds(), this.parts),
        ...checkSource(input),
      ];
      const bundle = input as ReviewBundle;
      if (
        problems.length === 0 &&
        (await this.reviewsPart.referenceTaken(transaction, bundle.review.reference))
      )
        problems.push({
          path: 'review.reference',
          message: `a review with the reference "${bundle.review.reference}" already exists here`,
        });
      if (problems.length > 0) {
        throw new AppError(
          'BAD_USER_INPUT',
          `The bundle was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, starting with ${problems[0].path}: ${problems[0].message}.`,
          {
            problems: problems.slice(0, MAX_PROBLEMS_LISTED),
            problemCount: problems.length,
          },
        );
      }
      await this.bundles.in(transaction).allowLongWork();
      return this.store(transaction, user, bundle);
    });
  }

  private async store(
    transaction: Transaction,
    user: User,
    bundle: ReviewBundle,
  ): Promise<{ reviewId: string; reference: string }> {
    const importedFrom = importedFromOf(bundle, user, new Date());
    const reviewId = await this.reviewsPart.createReview(transaction, bundle, user, importedFrom);
    const start = Date.now();
    const target: BundleTarget = {
      reviewId,
      refs: new BundleRefs(),
      counts: {},
      inOrder: (i) => new Date(start + i),
    };
    for (const part of this.parts) await part.write(transaction, bundle, target);
    await this.audit.record(transaction, user, {
      reviewId,
      entityType: 'Review',
      entityId: reviewId,
      action: 'import',
      after: { reference: bundle.review.reference, ...target.counts, importedFrom },
    });
    return { reviewId, reference: bundle.review.reference };
  }
}

import { CorpusOptions, generateReviews } from '../corpus-generator/generate';
import { BundlesService } from '../bundles/bundles.service';
import { RequestLoadersFactory } from '../common/request-loaders';
import { LearningBriefingsService } from '../documents/learning-briefings/learning-briefings.service';
import { PublicationService } from '../publication/publication.service';
import { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import demoAnalysisReview from './demo-analysis-review.bundle.json';
import { DEMO_LEARNING_BRIEFING } from './demo-learning-briefing';
import demoReview from './demo-review.bundle.json';
import { GeneratedCorpusRepository } from '../corpus-generator/generated-corpus.repository';
import { SetupRepository } from './setup.repository';
import { PracticeIssuesService } from '../documents/practice-issues/practice-issues.service';
import { seedDemoPracticeIssues } from './demo-practice-issues';

export interface DemoSeedContext {
  users: UsersService;
  bundles: BundlesService;
  setup: SetupRepository;
  generatedCorpus: GeneratedCorpusRepository;
  publication: PublicationService;
  learningBriefings: LearningBriefingsService;
  loaders: RequestLoadersFactory;
  practiceIssues: PracticeIssuesService;
  generatePassword: () => string;
}

export interface DemoSeedStep {
  name: string;
  /** Adds its part of the demo; returns lines to show the person starting the server. */
  run(context: DemoSeedContext): Promise<string[]>;
}

/** One account for each of the other roles, so a newcomer can see the workbench as each user. */
const demoAccounts: DemoSeedStep = {
  name: 'demo-accounts',
  async run({ users, generatePassword }) {
    const accounts = [
      { email: 'reviewer@demo.local', displayName: 'Dana Reviewer', role: Role.REVIEWER },
      { email: 'analyst@demo.local', displayName: 'Sam Analyst', role: Role.ANALYST },
      { email: 'trainer@demo.local', displayName: 'Jo Trainer', role: Role.TRAINER },
    ];
    const lines = ['Demo accounts (passwords shown only once):'];
    for (const account of accounts) {
      if (await users.findForSignIn(account.email)) continue;
      const password = generatePassword();
      await users.create({ ...account, password });
      lines.push(`  ${account.role.padEnd(9)} ${account.email.padEnd(22)} ${password}`);
    }
    return lines;
  },
};

/**
 * The demo reviews, each a whole fictional review in a bundle: Child M, a local child safeguarding
 * practice review published with the partnership's response, and Child T, a smaller one still at
 * the analysis stage, so that a newcomer can see a review both finished and under way.
 */
export const DEMO_REVIEW_BUNDLES = [demoReview, demoAnalysisReview];

/**
 * Imports each demo review as the first administrator, with the demo reviewer as its second lead
 * reviewer, as Learning Together reviews have two. A review whose bundle says it is published is
 * imported at the drafting stage and then published as a reviewer would publish it: through the
 * anonymisation check, with a snapshot (version 1) and an entry in the corpus. The bundle keeps
 * saying PUBLISHED, as an exported published review would. The published review then gets the
 * partnership's learning briefing, saved through the learning briefings service.
 */
const demoReviewStep: DemoSeedStep = {
  name: 'demo-review',
  async run({ users, bundles, setup, publication, learningBriefings, loaders }) {
    const administrator = await users.firstAdministrator();
    if (!administrator) return [];
    const reviewer = await users.findForSignIn('reviewer@demo.local');
    const lines: string[] = [];
    for (const bundle of DEMO_REVIEW_BUNDLES) {
      const published = bundle.review.status === 'PUBLISHED';
      const input = published
        ? { ...bundle, review: { ...bundle.review, status: 'DRAFTING' } }
        : bundle;
      const { reviewId, reference } = await bundles.import(administrator, input);
      if (reviewer) await setup.addLeadReviewer(reviewId, reviewer.id);
      lines.push(`Demo review ${reference}: "${bundle.review.title}", open it from Reviews.`);
      if (!published) continue;
      const outcome = await publication.publish(administrator, reviewId, null, loaders.create());
      if (!outcome.published)
        lines.push(
          `  It stays in drafting: the anonymisation check found ${outcome.problems.length} problem(s).`,
        );
      await learningBriefings.saveForReview(
        administrator,
        reviewId,
        0,
        DEMO_LEARNING_BRIEFING,
        loaders.create(),
      );
    }
    return lines;
  },
};

/** The demo corpus: always the same 40 fictional reviews, from the synthetic corpus generator. */
export const DEMO_CORPUS: CorpusOptions & { reviews: number } = {
  seed: 2026,
  referencePrefix: 'DEMO-SYN-',
  reviews: 40,
};

/**
 * About 40 fictional published reviews across several partnerships and years, so that an analyst
 * signing in to a new installation sees real-looking figures in the corpus at once.
 */
const demoCorpusStep: DemoSeedStep = {
  name: 'demo-corpus',
  async run({ generatedCorpus }) {
    const reviews = generateReviews(DEMO_CORPUS, 0, DEMO_CORPUS.reviews);
    await generatedCorpus.transaction((transaction) =>
      generatedCorpus.in(transaction).write(reviews),
    );
    return [
      `Demo corpus: ${reviews.length} fictional published reviews; sign in as analyst@demo.local to analyse them.`,
    ];
  },
};

/** A set of practice issues with the seed's issue 1, drawing on the demo corpus, for the demo trainer. */
const demoPracticeIssuesStep: DemoSeedStep = {
  name: 'demo-practice-issues',
  run: ({ practiceIssues, users }) =>
    seedDemoPracticeIssues(practiceIssues, users, DEMO_CORPUS.referencePrefix),
};

/** Runs once, in order, on a new installation in embedded mode. */
export const DEMO_SEED_STEPS: DemoSeedStep[] = [
  demoAccounts,
  demoReviewStep,
  demoCorpusStep,
  demoPracticeIssuesStep,
];

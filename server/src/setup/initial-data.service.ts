import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BundlesService } from '../bundles/bundles.service';
import { RequestLoadersFactory } from '../common/request-loaders';
import { AppConfig } from '../config/app-config';
import { LearningBriefingsService } from '../documents/learning-briefings/learning-briefings.service';
import { PublicationService } from '../publication/publication.service';
import { SettingsService } from '../settings/settings.service';
import { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_SEED_STEPS } from './demo-seed';
import { GeneratedCorpusRepository } from '../corpus-generator/generated-corpus.repository';
import { SetupRepository } from './setup.repository';
import { PracticeIssuesService } from '../documents/practice-issues/practice-issues.service';

export const DEMO_SEEDED_SETTING = 'demo_seeded_at';

export interface Announcement {
  title: string;
  lines: string[];
}

/** Prints a framed notice on standard output, outside the structured log, so a person sees it. */
export function announce({ title, lines }: Announcement): void {
  const width = Math.max(title.length, ...lines.map((l) => l.length)) + 4;
  const rule = '='.repeat(width);
  process.stdout.write(
    `\n${rule}\n  ${title}\n${rule}\n${lines.map((l) => `  ${l}`).join('\n')}\n${rule}\n\n`,
  );
}

const generatePassword = () => randomBytes(12).toString('base64url');

/**
 * On an empty database: creates the first administrator, then (in embedded mode, or when
 * SCR_DEMO_DATA=true) the demo content, once. Later starts find both done and do nothing.
 */
@Injectable()
export class InitialDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialDataService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
    private readonly bundles: BundlesService,
    private readonly setup: SetupRepository,
    private readonly generatedCorpus: GeneratedCorpusRepository,
    private readonly publication: PublicationService,
    private readonly learningBriefings: LearningBriefingsService,
    private readonly loaders: RequestLoadersFactory,
    private readonly practiceIssues: PracticeIssuesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Serialises first-start work across instances that start at the same moment: the others wait
    // for the first to finish, then find the administrator and the demo data there.
    await this.setup.transaction(async (transaction) => {
      await this.setup.in(transaction).lockInitialData();
      const announcements = [await this.ensureFirstAdministrator()];
      if (this.config.seedDemoData) announcements.push(await this.seedDemoOnce());
      for (const notice of announcements) if (notice) announce(notice);
    });
  }

  private async ensureFirstAdministrator(): Promise<Announcement | null> {
    if ((await this.users.count()) > 0) return null;
    const fromEnvironment = this.config.SCR_ADMIN_EMAIL !== undefined;
    const email = this.config.SCR_ADMIN_EMAIL ?? 'admin@localhost';
    const password = this.config.SCR_ADMIN_PASSWORD ?? generatePassword();
    await this.users.create({ email, password, role: Role.ADMIN, displayName: 'Administrator' });
    this.logger.log(`Created the first administrator ${email}`);
    if (fromEnvironment) return null;
    return {
      title: 'SCR Workbench: first administrator created',
      lines: [
        `Email:    ${email}`,
        `Password: ${password}`,
        'This password is shown only once: sign in and keep it safe.',
      ],
    };
  }

  private async seedDemoOnce(): Promise<Announcement | null> {
    if (await this.settings.get(DEMO_SEEDED_SETTING)) return null;
    const lines: string[] = [];
    for (const step of DEMO_SEED_STEPS) {
      lines.push(
        ...(await step.run({
          users: this.users,
          bundles: this.bundles,
          setup: this.setup,
          generatedCorpus: this.generatedCorpus,
          publication: this.publication,
          learningBriefings: this.learningBriefings,
          loaders: this.loaders,
          practiceIssues: this.practiceIssues,
          generatePassword,
        })),
      );
    }
    await this.settings.set(DEMO_SEEDED_SETTING, new Date().toISOString());
    this.logger.log('Seeded the demo data');
    return { title: 'SCR Workbench: demo data added', lines };
  }
}

import { Module } from '@nestjs/common';
import { DocumentRenderingModule } from '../document-rendering.module';
import { PracticeIssueDownloadController } from './practice-issue-download.controller';
import { PracticeIssuesLoadersProvider } from './practice-issues.loaders';
import { PracticeIssuesRepository } from './practice-issues.repository';
import { PracticeIssueSetsResolver, PracticeIssuesResolver } from './practice-issues.resolver';
import { PracticeIssuesService } from './practice-issues.service';

/** Practice-issue briefings for trainers (the documents context). */
@Module({
  imports: [DocumentRenderingModule],
  controllers: [PracticeIssueDownloadController],
  providers: [
    PracticeIssuesService,
    PracticeIssuesRepository,
    PracticeIssuesLoadersProvider,
    PracticeIssueSetsResolver,
    PracticeIssuesResolver,
  ],
  exports: [PracticeIssuesService],
})
export class PracticeIssuesModule {}

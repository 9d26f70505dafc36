import { Module } from '@nestjs/common';
import { CorpusMatrixController } from './corpus-matrix.controller';
import { CorpusRepository } from './corpus.repository';
import { CorpusResolver } from './corpus.resolver';
import { CorpusService } from './corpus.service';

/** The national corpus: analysis over published snapshots only. */
@Module({
  controllers: [CorpusMatrixController],
  providers: [CorpusResolver, CorpusService, CorpusRepository],
})
export class CorpusModule {}

import { Module } from '@nestjs/common';
import { RecordsRepository } from '../common/records.repository';
import { RecordsService } from '../common/records.service';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users/users.module';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';
import { CollectionsRepository } from './collections.repository';
import { CollectionsResolver } from './collections.resolver';
import { CollectionsService } from './collections.service';
import { MemberSearchResolver } from './member-search.resolver';
import { MembersRepository } from './members.repository';
import { MembershipService } from './membership.service';
import { PeopleRegisterService } from './people-register.service';
import { PeopleRepository } from './people.repository';
import { RelationshipsRepository } from './relationships.repository';
import { RelationshipsService } from './relationships.service';
import { ReviewLoadersRepository } from './review-loaders.repository';
import { ReviewReadinessRepository } from './review-readiness.repository';
import { ReviewLoadersProvider } from './review.loaders';
import { ReviewAccessService } from './review-access.service';
import { ReviewsBundlePart } from './reviews-bundle-part';
import { ReviewsBundleRepository } from './reviews-bundle.repository';
import { PersonResolver, ReviewsResolver } from './reviews.resolver';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [UsersModule, ThemesModule],
  providers: [
    ReviewsService,
    MembershipService,
    AgenciesService,
    PeopleRegisterService,
    RelationshipsService,
    CollectionsService,
    ReviewAccessService,
    RecordsService,
    ReviewsRepository,
    MembersRepository,
    AgenciesRepository,
    PeopleRepository,
    RelationshipsRepository,
    CollectionsRepository,
    RecordsRepository,
    ReviewsBundleRepository,
    ReviewLoadersRepository,
    ReviewReadinessRepository,
    ReviewLoadersProvider,
    ReviewsBundlePart,
    ReviewsResolver,
    PersonResolver,
    CollectionsResolver,
    MemberSearchResolver,
  ],
  // RecordsService is common/'s (it knows no context); it is provided here because every
  // context that checks ids against a review imports this module already.
  exports: [
    ReviewAccessService,
    RecordsService,
    ReviewsBundlePart,
    ReviewsService,
    CollectionsService,
  ],
})
export class ReviewsModule {}

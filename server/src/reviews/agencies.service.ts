import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { AgenciesRepository } from './agencies.repository';
import { Agency } from './agency.entity';
import { AgencyInput } from './dto/review.inputs';
import { ReviewAccessService } from './review-access.service';

/** The agencies involved in a review. */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  async add(
    user: User,
    reviewId: string,
    input: AgencyInput,
    loaders: RequestLoaders,
  ): Promise<Agency> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.agencies.transaction(async (transaction) => {
      const agency = await this.agencies.in(transaction).insert({ ...input, reviewId });
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Agency',
        entityId: agency.id,
        action: 'create',
        after: agency,
      });
      return agency;
    });
  }

  async update(
    user: User,
    id: string,
    expectedVersion: number,
    input: AgencyInput,
    loaders: RequestLoaders,
  ): Promise<Agency> {
    const agency = await this.find(id);
    await this.access.require(user, agency.reviewId, 'edit', loaders);
    return this.agencies.transaction(async (transaction) => {
      const { before, after } = await this.agencies
        .in(transaction)
        .updateVersioned(id, expectedVersion, input);
      await this.audit.record(transaction, user, {
        reviewId: before.reviewId,
        entityType: 'Agency',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async remove(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const agency = await this.find(id);
    await this.access.require(user, agency.reviewId, 'edit', loaders);
    return this.agencies.transaction(async (transaction) => {
      const { events, actions } = await this.agencies.in(transaction).countUses(id);
      const consequences = [
        ...(events ? [`${plural(events, 'event')} will show no agency`] : []),
        ...(actions ? [`${plural(actions, 'board action')} will have no owning agency`] : []),
      ];
      return this.audit.remove(transaction, user, Agency, agency, consequences, dryRun);
    });
  }

  private async find(id: string): Promise<Agency> {
    const agency = await this.agencies.findById(id);
    if (!agency) throw notFound(`There is no agency with id ${id}.`);
    return agency;
  }
}

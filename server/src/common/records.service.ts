import { Injectable } from '@nestjs/common';
import { EntityTarget } from 'typeorm';
import { Transaction } from '../database/unit-of-work';
import { badInput, notFound } from './app-error';
import { RecordsRepository } from './records.repository';

/** The checks every context makes of the ids it is given: that a record exists, that it is the review's. */
@Injectable()
export class RecordsService {
  constructor(private readonly records: RecordsRepository) {}

  /** The record, or NOT_FOUND naming `what`. */
  async findIn<T extends { id: string }>(
    entity: EntityTarget<T>,
    id: string,
    what: string,
  ): Promise<T> {
    const found = await this.records.findById(entity, id);
    if (!found) throw notFound(`There is no ${what} with id ${id}.`);
    return found;
  }

  /** Refuses ids that do not belong to the review, naming the field and the first such id. */
  async requireInReview(
    entity: EntityTarget<{ id: string; reviewId: string }>,
    reviewId: string,
    ids: readonly string[],
    field: string,
    what: string,
    transaction?: Transaction,
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const records = transaction ? this.records.in(transaction) : this.records;
    const present = await records.idsInReview(entity, reviewId, unique);
    const stranger = unique.find((id) => !present.has(id));
    if (stranger)
      throw badInput(`${field}: ${what} ${stranger} is not part of this review.`, {
        field,
        value: stranger,
      });
  }
}

import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(private readonly database: HealthRepository) {}

  /** Whether the database answers, on the health check's own connection. */
  async databaseAnswers(): Promise<boolean> {
    try {
      await this.database.ping();
      return true;
    } catch {
      return false;
    }
  }
}

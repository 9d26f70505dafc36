import { Injectable } from '@nestjs/common';
import { SettingsRepository } from './settings.repository';

@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /**
   * Returns the stored value, storing `candidate` first when there is none. Every instance that
   * races here reads back the same winner, so a secret made at first start is shared by all.
   */
  async getOrInit(key: string, candidate: () => string): Promise<string> {
    await this.settings.insertIfAbsent(key, candidate());
    return (await this.settings.get(key))!;
  }

  get(key: string): Promise<string | null> {
    return this.settings.get(key);
  }

  set(key: string, value: string): Promise<void> {
    return this.settings.set(key, value);
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/app-error';
import { User } from '../users/user.entity';
import { ThemeInput } from './dto/theme.input';
import { Theme } from './theme.entity';
import { ThemesRepository } from './themes.repository';

@Injectable()
export class ThemesService {
  constructor(
    private readonly themes: ThemesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A broader theme must exist and be of the same kind, and must not lead back to the new theme
   * (a theme cannot be above itself, however far up).
   */
  private async checkBroader(themes: ThemesRepository, input: ThemeInput): Promise<void> {
    if (!input.broaderKey) return;
    const field = { field: 'broaderKey', value: input.broaderKey };
    const seen = new Set([input.key]);
    for (let key: string | null = input.broaderKey; key;) {
      if (seen.has(key))
        throw badInput(
          `broaderKey: "${input.broaderKey}" would put "${input.key}" above itself.`,
          field,
        );
      seen.add(key);
      const broader = await themes.findByKey(key);
      if (!broader) throw badInput(`broaderKey: there is no theme "${key}".`, field);
      if (key === input.broaderKey && broader.kind !== input.kind)
        throw badInput(
          `broaderKey: "${key}" is a ${broader.kind.toLowerCase().replace(/_/g, ' ')}, not a ${input.kind.toLowerCase().replace(/_/g, ' ')}.`,
          field,
        );
      key = broader.broaderKey;
    }
  }

  /** Adds a term to the vocabulary, refusing a key already taken, and records it. */
  create(user: User, input: ThemeInput): Promise<Theme> {
    return this.themes.transaction(async (transaction) => {
      const themes = this.themes.in(transaction);
      const existing = await themes.findByKey(input.key);
      if (existing)
        throw badInput(`key: the theme "${input.key}" already exists (${existing.label}).`, {
          field: 'key',
          value: input.key,
        });
      await this.checkBroader(themes, input);
      const theme = await themes.insert({ ...input, broaderKey: input.broaderKey ?? null });
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Theme',
        entityId: theme.key,
        action: 'create',
        after: theme,
      });
      return theme;
    });
  }
}

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
      const theme = await themes.insert(input);
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

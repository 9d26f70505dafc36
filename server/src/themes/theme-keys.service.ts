import { Injectable } from '@nestjs/common';
import { badInput } from '../common/app-error';
import { Theme } from './theme.entity';
import { ThemeKeysRepository } from './theme-keys.repository';

/** What other contexts ask of the vocabulary: whether the theme keys they are given exist. */
@Injectable()
export class ThemeKeysService {
  constructor(private readonly themes: ThemeKeysRepository) {}

  /** The keys without repeats, when each names a theme (of `kind`, if given); BAD_USER_INPUT otherwise. */
  async validate(keys: string[], field: string, kind?: Theme['kind']): Promise<string[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const found = await this.themes.findByKeys(unique);
    const byKey = new Map(found.map((theme) => [theme.key, theme]));
    for (const key of unique) {
      const theme = byKey.get(key);
      if (!theme) throw badInput(`${field}: there is no theme "${key}".`, { field, value: key });
      if (kind && theme.kind !== kind) {
        throw badInput(
          `${field}: "${key}" is a ${theme.kind.toLowerCase().replace('_', ' ')}, not a ${kind.toLowerCase().replace('_', ' ')}.`,
          { field, value: key },
        );
      }
    }
    return unique;
  }

  /** The kind of every theme, by key. */
  async kinds(): Promise<Map<string, string>> {
    return new Map((await this.themes.kinds()).map((theme) => [theme.key, theme.kind]));
  }

  /** Every term with its label and its broader term, for those who count under broader terms. */
  vocabulary(): Promise<Pick<Theme, 'key' | 'label' | 'kind' | 'broaderKey'>[]> {
    return this.themes.vocabulary();
  }
}

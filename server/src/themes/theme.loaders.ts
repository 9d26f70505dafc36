import { Injectable } from '@nestjs/common';
import { LoaderContribution, RequestLoadersFactory } from '../common/request-loaders';
import { Theme } from './theme.entity';
import { ThemesRepository } from './themes.repository';

/** The themes context's members of every request's loaders. */
export interface ThemeLoaders {
  /** The whole theme vocabulary by key, read once per request: it is small and every theme field needs it. */
  themes(): Promise<Map<string, Theme>>;
  /** The themes of the keys, in their order; a key the vocabulary lacks is left out. */
  themesFor(keys: string[]): Promise<Theme[]>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the themes' members
  interface RequestLoaders extends ThemeLoaders {}
}

/** The themes of the keys, in their order; a key the vocabulary lacks is left out. */
function themesIn(vocabulary: Map<string, Theme>, keys: string[]): Theme[] {
  return keys.flatMap((key) => vocabulary.get(key) ?? []);
}

@Injectable()
export class ThemeLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly repository: ThemesRepository,
  ) {
    factory.register(this);
  }

  loadersFor(): ThemeLoaders {
    let vocabulary: Promise<Map<string, Theme>> | undefined;
    const themes = () => {
      vocabulary ??= this.repository
        .vocabulary()
        .then((list) => new Map(list.map((theme) => [theme.key, theme])));
      return vocabulary;
    };
    return { themes, themesFor: async (keys) => themesIn(await themes(), keys) };
  }
}

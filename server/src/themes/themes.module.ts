import { Module } from '@nestjs/common';
import { ThemeLoadersProvider } from './theme.loaders';
import { ThemeKeysRepository } from './theme-keys.repository';
import { ThemeKeysService } from './theme-keys.service';
import { ThemesRepository } from './themes.repository';
import { ThemesResolver } from './themes.resolver';
import { ThemesService } from './themes.service';

@Module({
  providers: [
    ThemesResolver,
    ThemesService,
    ThemesRepository,
    ThemeKeysService,
    ThemeKeysRepository,
    ThemeLoadersProvider,
  ],
  exports: [ThemeKeysService],
})
export class ThemesModule {}

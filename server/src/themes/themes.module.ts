import { Module } from '@nestjs/common';
import { ThemeKeysRepository } from './theme-keys.repository';
import { ThemeKeysService } from './theme-keys.service';
import { ThemesResolver } from './themes.resolver';

@Module({
  providers: [ThemesResolver, ThemeKeysService, ThemeKeysRepository],
  exports: [ThemeKeysService],
})
export class ThemesModule {}

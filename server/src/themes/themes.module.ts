import { Module } from '@nestjs/common';
import { ThemesResolver } from './themes.resolver';

@Module({ providers: [ThemesResolver] })
export class ThemesModule {}

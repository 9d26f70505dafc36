import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ThemeInput } from './dto/theme.input';
import { Theme } from './theme.entity';

@Injectable()
export class ThemesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.TEXT] })
  findByKey(key: string): Promise<Theme | null> {
    return this.manager.getRepository(Theme).findOneBy({ key });
  }

  /** The whole vocabulary, themes and case characteristics, by kind and label. */
  @GenerateSql()
  vocabulary(): Promise<Theme[]> {
    return this.manager.getRepository(Theme).find({ order: { kind: 'ASC', label: 'ASC' } });
  }

  /** Adds a term and returns it as stored. */
  @GenerateSql({ params: [{ key: DummyValue.TEXT, label: DummyValue.TEXT, kind: 'THEME' }] })
  insert(input: ThemeInput): Promise<Theme> {
    const themes = this.manager.getRepository(Theme);
    return themes.save(themes.create(input));
  }
}

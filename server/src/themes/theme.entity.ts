import { Field, ObjectType } from '@nestjs/graphql';
import { THEME_KINDS, ThemeKindName } from '@scr/shared';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ThemeKind } from '../graphql/enums';

@ObjectType({ description: 'A term of the controlled vocabulary, keyed by a stable slug' })
@Check('theme_key_check', `key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('ck_theme_not_own_broader', `broader_key <> key`)
@Index('ix_theme_broader_key', ['broaderKey'])
@Entity({ name: 'theme' })
export class Theme {
  @Field()
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Field()
  @Column({ type: 'text' })
  label: string;

  @Field(() => ThemeKind)
  @Column({ type: 'enum', enum: THEME_KINDS, enumName: 'theme_kind' })
  kind: ThemeKindName;

  @Field(() => String, {
    nullable: true,
    description:
      'The broader theme this one sits under (one at most); a review counts under the broader theme once if it has this one',
  })
  @Column({ name: 'broader_key', type: 'text', nullable: true })
  @ForeignKey(() => Theme, { name: 'theme_broader_key_fkey' })
  broaderKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

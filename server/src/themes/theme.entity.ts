import { Field, ObjectType } from '@nestjs/graphql';
import { THEME_KINDS, ThemeKindName } from '@scr/shared';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ThemeKind } from '../graphql/enums';

@ObjectType({ description: 'A term of the controlled vocabulary, keyed by a stable slug' })
@Check('theme_key_check', `key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

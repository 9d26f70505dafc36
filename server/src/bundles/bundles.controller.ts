import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { badInput } from '../common/app-error';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { BundlesService } from './bundles.service';
import { OnReview } from '../auth/policy';
import { Roles } from '../auth/roles.decorator';
import { Role, User } from '../users/user.entity';

@Controller('api/reviews')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  /**
   * The whole review as JSON, to keep or to move to another installation. `names=real` (the
   * default for a lead reviewer or administrator) or `names=pseudonyms` (the default for others).
   */
  @OnReview('read', { param: 'id' })
  @Get(':id/bundle.json')
  @Header('Cache-Control', 'no-store')
  async export(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Res({ passthrough: true }) res: Response,
    @Query('names') names?: string,
  ) {
    if (names !== undefined && names !== 'real' && names !== 'pseudonyms')
      throw badInput('names must be "real" or "pseudonyms".', { field: 'names', value: names });
    const bundle = await this.bundles.export(user, id, names);
    const safeName = bundle.review.reference.replace(/[^A-Za-z0-9._-]+/g, '_');
    res.setHeader('Content-Disposition', `attachment; filename="${safeName}.bundle.json"`);
    return bundle;
  }

  /** A bundle in, as a new review with new ids; refused whole, with its problems listed, if anything is wrong. */
  @Roles(Role.ADMIN, Role.REVIEWER)
  @Post('bundle')
  import(@CurrentUser() user: User, @Body() body: unknown) {
    return this.bundles.import(user, body);
  }
}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'scr:isPublic';

/** Marks a resolver or route that answers without a signed-in user (sign-in, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

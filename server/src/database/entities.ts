import { AppSetting } from '../settings/app-setting.entity';
import { User } from '../users/user.entity';

/** Every TypeORM entity of the server. */
export const ENTITIES = [User, AppSetting];

import { CreateAccounts1763856000000 } from './1763856000000-create-accounts';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [CreateAccounts1763856000000];

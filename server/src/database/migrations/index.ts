import { CreateAccounts1763856000000 } from './1763856000000-create-accounts';
import { CreateReviewModel1763942400000 } from './1763942400000-create-review-model';
import { SeedStarterThemes1763942500000 } from './1763942500000-seed-starter-themes';
import { ChronologyImport1763942600000 } from './1763942600000-chronology-import';
import { LinkedEvents1763942700000 } from './1763942700000-linked-events';
import { ImportProgress1763942800000 } from './1763942800000-import-progress';
import { RecordVersions1764600000000 } from './1764600000000-record-versions';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [
  CreateAccounts1763856000000,
  CreateReviewModel1763942400000,
  SeedStarterThemes1763942500000,
  ChronologyImport1763942600000,
  LinkedEvents1763942700000,
  ImportProgress1763942800000,
  RecordVersions1764600000000,
];

import { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';

export interface DemoSeedContext {
  users: UsersService;
  generatePassword: () => string;
}

export interface DemoSeedStep {
  name: string;
  /** Adds its part of the demo; returns lines to show the person starting the server. */
  run(context: DemoSeedContext): Promise<string[]>;
}

/** One account for each of the other roles, so a newcomer can see the workbench as each user. */
const demoAccounts: DemoSeedStep = {
  name: 'demo-accounts',
  async run({ users, generatePassword }) {
    const accounts = [
      { email: 'reviewer@demo.local', displayName: 'Dana Reviewer', role: Role.REVIEWER },
      { email: 'analyst@demo.local', displayName: 'Sam Analyst', role: Role.ANALYST },
      { email: 'trainer@demo.local', displayName: 'Jo Trainer', role: Role.TRAINER },
    ];
    const lines = ['Demo accounts (passwords shown only once):'];
    for (const account of accounts) {
      if (await users.findForSignIn(account.email)) continue;
      const password = generatePassword();
      await users.create({ ...account, password });
      lines.push(`  ${account.role.padEnd(9)} ${account.email.padEnd(22)} ${password}`);
    }
    return lines;
  },
};

/** Runs once, in order, on a new installation in embedded mode. */
export const DEMO_SEED_STEPS: DemoSeedStep[] = [demoAccounts];

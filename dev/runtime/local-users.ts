/**
 * The local Jira site's accounts: the four people of the fixtures (alice, bob, gina, diana), and the
 * users a QA seeding added (`npm start -- --connections N`: seed-connections.ts). One directory serves
 * the host's pages (who `?user=` signs in), its avatars and the site's REST API (`myself`, `user/bulk`,
 * `mypermissions`), as one Jira site's user base does.
 *
 * Seeded users are kept in `<dataDir>/jira-users.json` beside the Forge storage and the simulator's
 * state they belong with, so a restart with the same data folder still knows who the stored
 * connections are; without a data folder they live as long as the runtime.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { USERS, type JiraUser } from './fixtures';

const SeededUser = z.object({
  name: z.string().regex(/^[a-z][a-z0-9]*$/),
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  timezone: z.string().min(1),
  testkaseRole: z.string(),
  jiraAdmin: z.boolean(),
  emailAddress: z.string().optional(),
});

const SeededFile = z.object({
  /** What made them: `npm start -- --connections <count> --seed <seed>`. */
  seeding: z.object({ count: z.number().int().positive(), seed: z.number().int(), at: z.string() }),
  users: z.array(SeededUser),
});
export type Seeding = z.infer<typeof SeededFile>['seeding'];

/** What the host's pages say about the seeded users: how many, the first and last `?user=` names, the Jira admins among them. */
export interface SeededSummary {
  count: number;
  first: string;
  last: string;
  admins: string[];
}

export class LocalUsers {
  private seededUsers: JiraUser[] = [];
  private seedingDone: Seeding | null = null;
  private everyone: readonly JiraUser[] = USERS;
  private readonly byName = new Map<string, JiraUser>();
  private readonly byAccount = new Map<string, JiraUser>();

  /** `file`: where seeded users are kept (null: in memory only). */
  constructor(private readonly file: string | null = null) {
    this.remember([], null);
    if (file && existsSync(file)) {
      const saved = SeededFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      // Written by another version: kept aside, as the simulator keeps an unreadable state.
      if (!saved.success) renameSync(file, `${file}.unreadable-${Date.now()}`);
      else this.remember(saved.data.users, saved.data.seeding);
    }
  }

  /** Everyone, the fixtures first. */
  all(): readonly JiraUser[] {
    return this.everyone;
  }

  /** The `?user=` name. */
  find(name: string | null | undefined): JiraUser | undefined {
    return name ? this.byName.get(name) : undefined;
  }

  byAccountId(accountId: string): JiraUser | undefined {
    return this.byAccount.get(accountId);
  }

  /** The users a seeding added, and what it was (null while it runs, and when none did). */
  seeded(): { users: readonly JiraUser[]; seeding: Seeding | null } {
    return { users: this.seededUsers, seeding: this.seedingDone };
  }

  /** For the pages; null when no seeding added anyone. */
  summary(): SeededSummary | null {
    const users = this.seededUsers;
    if (users.length === 0) return null;
    return { count: users.length, first: users[0]!.name, last: users.at(-1)!.name, admins: users.filter((u) => u.jiraAdmin).map((u) => u.name) };
  }

  /**
   * A seeding's users join the site now (the app asks Jira about them while it runs); `keep` writes
   * them down once it has finished, so an interrupted seeding leaves no users behind at the next start.
   */
  addSeeded(users: readonly JiraUser[]): void {
    if (this.seededUsers.length > 0) throw new Error('This local Jira site already holds seeded users.');
    for (const u of users) if (this.byName.has(u.name) || this.byAccount.has(u.accountId)) throw new Error(`The local Jira site already has a user ${u.name} (${u.accountId}).`);
    this.remember([...users], null);
  }

  keep(seeding: Seeding): void {
    this.seedingDone = seeding;
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ seeding, users: this.seededUsers }), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  private remember(users: JiraUser[], seeding: Seeding | null): void {
    this.seededUsers = users;
    this.seedingDone = seeding;
    this.everyone = [...USERS, ...users];
    this.byName.clear();
    this.byAccount.clear();
    for (const u of this.everyone) {
      this.byName.set(u.name, u);
      this.byAccount.set(u.accountId, u);
    }
  }
}

/** One door to every Jira table. */
import type { Database } from 'better-sqlite3';
import { CommentsRepo } from './comments-repo';
import { FieldsRepo } from './fields-repo';
import { IssuesRepo } from './issues-repo';
import { LinksRepo } from './links-repo';
import { ProjectsRepo } from './projects-repo';
import { ScreensRepo } from './screens-repo';
import { createJiraSchema } from './schema';
import { UsersRepo } from './users-repo';

export class JiraStore {
  readonly users: UsersRepo;
  readonly projects: ProjectsRepo;
  readonly fields: FieldsRepo;
  readonly issues: IssuesRepo;
  readonly comments: CommentsRepo;
  readonly links: LinksRepo;
  readonly screens: ScreensRepo;

  constructor(readonly db: Database) {
    createJiraSchema(db);
    this.users = new UsersRepo(db);
    this.projects = new ProjectsRepo(db);
    this.fields = new FieldsRepo(db);
    this.issues = new IssuesRepo(db);
    this.comments = new CommentsRepo(db);
    this.links = new LinksRepo(db);
    this.screens = new ScreensRepo(db);
  }

  /** Runs `work` in one SQLite transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

import { ForbiddenError } from './errors';
import type { IssueTracker } from './ports';

/**
 * Lets only Jira administrators through: Jira answers for the signed-in user, so the app never
 * keeps its own list of who may configure it.
 *
 * @throws ForbiddenError for everyone else.
 */
export async function requireAdministrator(userTracker: IssueTracker, action: string): Promise<void> {
  if (!(await userTracker.canAdminister())) throw new ForbiddenError(`${action} (Jira administrators only)`);
}

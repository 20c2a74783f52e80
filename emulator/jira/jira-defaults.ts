/** What every Jira Cloud site has out of the box: status categories, priorities, resolutions, link types. */
import type { StatusCategoryKey } from './store/model';

export interface StatusCategoryDefinition {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

export const statusCategories: Record<StatusCategoryKey, StatusCategoryDefinition> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

export interface PriorityDefinition {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  icon: string;
}

export const priorities: PriorityDefinition[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437', icon: 'highest' },
  { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75', icon: 'high' },
  { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232', icon: 'medium' },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070', icon: 'low' },
  { id: '5', name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999', icon: 'lowest' },
];
export const defaultPriorityId = '3';

export interface ResolutionDefinition {
  id: string;
  name: string;
  description: string;
}

export const resolutions: ResolutionDefinition[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue.' },
];

export interface LinkTypeDefinition {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const issueLinkTypes: LinkTypeDefinition[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
];

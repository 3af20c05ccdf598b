/** The admin page's words and choices: states, filters, sortable columns, page sizes. */
import type { ConnectionHealth, ListConnectionsPayload } from '../../../src/shared/definitions';

export type Query = Required<ListConnectionsPayload>;
export type SortKey = Query['sort'];
export type HealthFilter = Query['health'];

export const DEFAULT_QUERY: Query = { sort: 'testkaseUser', direction: 'asc', health: 'ALL', text: '', page: 1, pageSize: 25 };

export const PAGE_SIZES: readonly Query['pageSize'][] = [10, 25, 50, 100];

export const HEALTH_LABEL: Record<ConnectionHealth, string> = {
  WORKING: 'Working',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  NOT_CHECKED: 'Not checked',
};

/** Said under the state's lozenge, where it needs saying. */
export const HEALTH_NOTE: Record<ConnectionHealth, string | null> = {
  WORKING: null,
  REJECTED: 'at last check',
  EXPIRED: null,
  NOT_CHECKED: 'yet',
};

/** Lozenge colour per state. */
export const HEALTH_TONE: Record<ConnectionHealth, 'success' | 'danger' | 'warning' | 'default'> = {
  WORKING: 'success',
  REJECTED: 'danger',
  EXPIRED: 'danger',
  NOT_CHECKED: 'default',
};

/** The filter buttons over the table, in order, with the count each shows. */
export const FILTERS: readonly { value: HealthFilter; label: string }[] = [
  { value: 'ALL', label: 'All' },
  { value: 'WORKING', label: 'Working' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'EXPIRED', label: 'Expired' },
  { value: 'EXPIRING_SOON', label: 'Expiring soon' },
  { value: 'NOT_CHECKED', label: 'Not checked yet' },
];

/** Sortable columns; the others (Jira user, actions) are not. */
export const SORT_LABEL: Record<SortKey, string> = {
  testkaseUser: 'TestKase user',
  tokenName: 'Token',
  savedAt: 'Saved',
  lastValidatedAt: 'Last validated',
  lastUsedAt: 'Last used',
  expiresAt: 'Expires',
  health: 'State',
};

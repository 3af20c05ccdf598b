/** The admin page's choices: the query it opens with and the filters in order (their words are in the catalog). */
import type { ListConnectionsPayload } from '../../../src/shared/definitions';
import { ADMIN_DEFAULT_PAGE_SIZE } from '../../../src/shared/facts';

export type Query = Required<ListConnectionsPayload>;
export type SortKey = Query['sort'];
export type HealthFilter = Query['health'];

export const DEFAULT_QUERY: Query = { sort: 'testkaseUser', direction: 'asc', health: 'ALL', text: '', page: 1, pageSize: ADMIN_DEFAULT_PAGE_SIZE };

/** The filter buttons over the table, in order, each with its count. */
export const FILTERS: readonly HealthFilter[] = ['ALL', 'WORKING', 'REJECTED', 'EXPIRED', 'EXPIRING_SOON', 'NOT_CHECKED'];

/** Lozenge colour per state. */
export const HEALTH_TONE = { WORKING: 'success', REJECTED: 'danger', EXPIRED: 'danger', NOT_CHECKED: 'default' } as const;

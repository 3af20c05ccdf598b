/**
 * What the backend says to a Jira admin on the admin page: why an action was refused.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import { plural } from './base';

export const adminBackendWords = {
  adminActions: {
    /** The per-admin cap on audited actions (admin/audit-guard.ts). */
    tooFast: ({ cap, seconds }: { cap: number; seconds: number }) =>
      `You made ${cap} changes to TestKase connections in the last minute, the most the audit log takes from one admin. Nothing was changed. Try again in ${seconds} ${plural(seconds, 'second', 'seconds')}.`,
  },
};

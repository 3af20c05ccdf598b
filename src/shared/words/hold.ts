/**
 * A connection a Jira admin holds: suspended (kept, not used, until an admin resumes it) or removed.
 * What the user reads about it in every module — the backend's state sentences and the UIs' labels.
 * One part of the app's one catalog of words (src/shared/words/index.ts says how it is organised):
 * every entry is a whole sentence or label, a string or a function of named parameters that returns it.
 */
import type { Parts } from './base';

export const holdWords = {
  hold: {
    /**
     * SUSPENDED. `by`: the suspending admin's Jira name when known; `here`: read on the TestKase settings
     * page (the global page), where the token is replaced or deleted; `tokenStored`: the user still has one.
     */
    suspended: ({ by, here, tokenStored }: { by: string | null; here: boolean; tokenStored: boolean }) => {
      const who = by ?? 'A Jira administrator';
      const ask = by ? `Ask ${by}, a Jira administrator, to resume it.` : 'Ask your Jira administrator to resume it.';
      const lead = `${who} suspended your TestKase connection, so TestKase is not used for you in Jira until a Jira administrator resumes it.`;
      if (!tokenStored) {
        return {
          title: 'A Jira admin suspended your TestKase connection',
          text: `${lead} You deleted your token since; a token you save now is kept but not used until then. ${ask}`,
        };
      }
      return {
        title: 'A Jira admin suspended your TestKase connection',
        text: here
          ? `${lead} Your token is still saved and is not sent to TestKase. ${ask} You can delete or replace the token here, but the connection stays suspended until a Jira administrator resumes it.`
          : `${lead} Your token is still saved and nothing was lost. ${ask}`,
      };
    },
    /** When the suspension began, beside the sentence (the date is rendered by the UI, in the user's timezone). */
    since: <T>({ date }: { date: T }): Parts<T> => ['Suspended since ', date],
    /** NO_CONFIG after a Jira admin removed the token, read on the settings page itself. */
    removedByAdminHere: {
      title: 'A Jira admin removed your TestKase connection',
      text: 'A Jira administrator removed the TestKase token you had saved, so TestKase is not connected for you. To reconnect, save a new Personal Access Token below; ask your Jira admin if you are not sure why it was removed.',
    },
  },
};

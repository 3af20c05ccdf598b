/**
 * What the coverage functions say to a person (backend side): one place, to move into the shared words
 * catalog with the rest. Plain words, what happened and the next step.
 */
export const coverageSentences = {
  wrongModule: 'Test coverage works only on the project page “Test coverage” and in its dashboard gadget. Nothing was changed.',
  gadgetOnly: 'Choosing the project of a dashboard gadget works only in the gadget’s settings.',
  gadgetNeedsProject: 'This gadget has no project yet. Edit the gadget and choose a project and a scope.',
  otherProject: 'This page shows the test coverage of its own project only. Open the Test coverage page of the other project instead.',
  staleCursor: 'This list changed since it started loading. Reload it to start again from the first issue.',
  jiraRefused: 'Jira refused to list the issues of this scope for you. Check that you can open this project in Jira, then try again.',
  jiraUnavailable: 'Jira could not list the issues of this scope. Try again in a moment; the issues loaded so far are still shown.',
  versionsUnavailable: 'Jira could not list this project’s versions.',
  sprintsUnavailable: 'Jira could not list this project’s sprints: they need Jira Software and a Scrum board.',
  epicsUnavailable: 'Jira could not list this project’s epics.',
} as const;

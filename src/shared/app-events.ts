/**
 * The app's own bridge events (`events.emit` / `events.on` from @forge/bridge), which Forge delivers
 * between the app's modules on one page: the Custom UI issue panel and the UI Kit issue context.
 * Names only, so either UI can import it without pulling anything into its bundle.
 */

/** The panel changed what the summary counts (a result recorded, a case linked, unlinked or created). */
export const TESTS_CHANGED_EVENT = 'testkase:tests-changed';

/** The summary asks the panel to come into view (its "Open test cases" button). */
export const SHOW_PANEL_EVENT = 'testkase:show-panel';

/**
 * The panel learned that the user's connection changed (a call answered that the token or the mapping
 * is gone): the glance on the same page fetches its state again instead of keeping counts it can no
 * longer vouch for.
 */
export const CONNECTION_CHANGED_EVENT = 'testkase:connection-changed';

/**
 * `viewportSize` on a Custom UI module (manifest.yml), as the local host honours it on the issue page.
 * What Atlassian documents (manifest reference, jira:issuePanel and the other modules that take it): the
 * display size of the resource; with it set the module is shown at that size from the start and is not
 * resized to its content ("remove this property to enable automatic resizing"); @forge/manifest's schema
 * accepts small, medium, large, xlarge and max for jira:issuePanel. Atlassian publishes the names, not
 * the pixels: the heights below are the local host's stand-in (an ascending scale; max fills the window
 * below Jira's top bar) — change them here when Atlassian publishes its own.
 */
const VIEWPORT_HEIGHTS = {
  small: '240px',
  medium: '400px',
  large: '600px',
  xlarge: '800px',
  max: 'calc(100vh - 56px)',
} as const;

type ViewportSize = keyof typeof VIEWPORT_HEIGHTS;

export const isViewportSize = (value: unknown): value is ViewportSize => typeof value === 'string' && Object.hasOwn(VIEWPORT_HEIGHTS, value);

/** The host page's rules: a frame with a viewport size has that height from its first paint, and keeps it. */
export const VIEWPORT_CSS = Object.entries(VIEWPORT_HEIGHTS)
  .map(([size, height]) => `.forge-frame[data-viewport-size="${size}"] { height: ${height}; }`)
  .join('\n');

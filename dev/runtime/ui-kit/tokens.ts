/**
 * Atlassian design token names, as UI Kit props carry them (`color.text.subtle`, `space.100`,
 * `radius.full`), to CSS: the `--ds-*` custom properties the host page defines (@atlaskit/tokens), with
 * the design system's own values as fallbacks for tokens newer than the host's token set.
 */

const SPACE: Record<string, string> = {
  'space.0': '0', 'space.025': '2px', 'space.050': '4px', 'space.075': '6px', 'space.100': '8px', 'space.150': '12px',
  'space.200': '16px', 'space.250': '20px', 'space.300': '24px', 'space.400': '32px', 'space.500': '40px',
  'space.600': '48px', 'space.800': '64px', 'space.1000': '80px',
};

const RADIUS: Record<string, string> = {
  'radius.xsmall': '2px', 'radius.small': '4px', 'radius.medium': '6px', 'radius.large': '8px', 'radius.xlarge': '12px',
  'radius.xxlarge': '16px', 'radius.full': '9999px', 'radius.tile': '25%', 'border.radius': '3px',
};

const TOKEN_NAME = /^(color|elevation|space|radius|border|font|opacity)(\.[a-z0-9]+(?:[A-Z][a-z0-9]*)*)+$/;

/** `space.100` → `var(--ds-space-100, 8px)`; `color.text.subtle` → `var(--ds-text-subtle)`; null if not a token name. */
export function tokenValue(name: string): string | null {
  if (!TOKEN_NAME.test(name)) return null;
  if (SPACE[name]) return `var(--ds-${name.replace('.', '-')}, ${SPACE[name]})`;
  if (RADIUS[name]) return `var(--ds-${name.replace(/\./g, '-')}, ${RADIUS[name]})`;
  // color.x.y → --ds-x-y; elevation.surface.raised → --ds-surface-raised
  const path = name.replace(/^(color|elevation)\./, '');
  return `var(--ds-${path.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})`;
}

/** A space token, or nothing. */
export function spaceValue(name: unknown): string | null {
  return typeof name === 'string' && name in SPACE ? tokenValue(name) : null;
}

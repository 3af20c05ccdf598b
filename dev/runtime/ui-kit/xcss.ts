/**
 * A Box's `xcss` (what @forge/react's `xcss()` returns: a plain style object) applied through the
 * CSSOM — the host page's policy allows no style attribute, and this way no CSS text is ever parsed.
 * Only the properties UI Kit's validator allows, token names mapped to `--ds-*`, raw values only where
 * UI Kit allows raw CSS (sizes, textAlign, flexGrow) and only in plain forms.
 */
import { tokenValue } from './tokens';

const TOKEN_PROPS = new Set([
  'color', 'backgroundColor', 'borderColor', 'boxShadow', 'opacity',
  'margin', 'marginBlock', 'marginBlockStart', 'marginBlockEnd', 'marginInline', 'marginInlineStart', 'marginInlineEnd', 'marginTop', 'marginRight', 'marginBottom', 'marginLeft',
  'padding', 'paddingBlock', 'paddingBlockStart', 'paddingBlockEnd', 'paddingInline', 'paddingInlineStart', 'paddingInlineEnd', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderRadius', 'borderWidth',
]);
const ENUM_PROPS: Record<string, readonly string[]> = {
  overflow: ['hidden', 'visible', 'scroll', 'auto'],
  overflowX: ['hidden', 'visible', 'scroll', 'auto'],
  overflowY: ['hidden', 'visible', 'scroll', 'auto'],
  display: ['block', 'inline-block', 'inline', 'none'],
  borderStyle: ['dotted', 'dashed', 'solid', 'none', 'hidden'],
  position: ['relative', 'static'],
};
const RAW_PROPS = new Set(['width', 'height', 'minWidth', 'maxWidth', 'minHeight', 'maxHeight', 'flexGrow', 'textAlign']);
const RAW_VALUE = /^(?:\d{1,5}(?:\.\d{1,4})?(?:px|%|rem|em|vh|vw)?|auto|start|end|center|left|right)$/;

type Style = Record<string, string>;

export function applyXcss(target: HTMLElement, xcss: unknown): void {
  if (typeof xcss !== 'object' || xcss === null || Array.isArray(xcss)) return;
  const style = target.style as unknown as Style;
  for (const [property, raw] of Object.entries(xcss as Record<string, unknown>)) {
    const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : null;
    if (value === null) continue; // nested selectors and media queries are not rendered locally
    if (TOKEN_PROPS.has(property)) {
      const css = tokenValue(value);
      if (css) style[property] = css;
    } else if (ENUM_PROPS[property]?.includes(value)) {
      style[property] = value;
    } else if (RAW_PROPS.has(property) && RAW_VALUE.test(value)) {
      style[property] = value;
    }
  }
}

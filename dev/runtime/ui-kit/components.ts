/**
 * The UI Kit components the local host renders natively into its own page, as Jira renders them from
 * a ForgeDoc: plain DOM styled by ui-kit.css with the design tokens (light and dark follow the page).
 * Text always goes in as text; URLs are limited to http(s) and site-relative ones; function props
 * become event handlers that call the app back through its frame.
 */
import type { ForgeDoc } from './forge-doc';
import { isHandlerRef, type HandlerRef } from './forge-doc';
import { spaceValue, tokenValue } from './tokens';
import { applyXcss } from './xcss';

export interface RenderContext {
  document: Document;
  /** Calls the app's function behind a handler prop (in the app's frame), with serialisable arguments. */
  call(handler: HandlerRef, args: unknown[]): void;
}

/** Renders one component; `children()` renders its children. */
export type Component = (node: ForgeDoc, children: () => Node[], ctx: RenderContext) => HTMLElement;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

function el<K extends keyof HTMLElementTagNameMap>(ctx: RenderContext, tag: K, className: string, kids: Node[] = []): HTMLElementTagNameMap[K] {
  const e = ctx.document.createElement(tag);
  if (className) e.className = className;
  e.append(...kids);
  return e;
}

/** http(s) URLs and paths on this site only: never `javascript:` or `data:`. */
function safeHref(href: unknown, base: string): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  if (href.startsWith('#')) return href;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function on(target: HTMLElement, event: string, handler: unknown, ctx: RenderContext): void {
  if (!isHandlerRef(handler)) return;
  target.addEventListener(event, (e) => {
    if (event === 'click') e.preventDefault();
    ctx.call(handler, []);
  });
}

function gap(target: HTMLElement, property: 'gap' | 'rowGap' | 'columnGap', token: unknown): void {
  const value = spaceValue(token);
  if (value) target.style[property] = value;
}

const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end', stretch: 'stretch', baseline: 'baseline' } as const;

const layout: Record<'Stack' | 'Inline', Component> = {
  Stack: (node, children, ctx) => {
    const { space, alignInline, alignBlock, spread, grow } = node.props;
    const e = el(ctx, 'div', 'uk-stack', children());
    gap(e, 'gap', space);
    if (typeof alignInline === 'string' && alignInline in ALIGN) e.style.alignItems = ALIGN[alignInline as keyof typeof ALIGN];
    if (typeof alignBlock === 'string' && alignBlock in ALIGN) e.style.justifyContent = ALIGN[alignBlock as keyof typeof ALIGN];
    if (spread === 'space-between') e.style.justifyContent = 'space-between';
    if (grow === 'fill') e.style.flexGrow = '1';
    return e;
  },
  Inline: (node, children, ctx) => {
    const { space, rowSpace, alignInline, alignBlock, spread, grow, shouldWrap, separator } = node.props;
    const kids = children();
    const withSeparators = typeof separator === 'string' && separator
      ? kids.flatMap((k, i) => (i === 0 ? [k] : [el(ctx, 'span', 'uk-inline-separator', [ctx.document.createTextNode(separator)]), k]))
      : kids;
    const e = el(ctx, 'div', 'uk-inline', withSeparators);
    gap(e, 'columnGap', space);
    gap(e, 'rowGap', rowSpace ?? space);
    if (typeof alignBlock === 'string' && alignBlock in ALIGN) e.style.alignItems = ALIGN[alignBlock as keyof typeof ALIGN];
    if (typeof alignInline === 'string' && alignInline in ALIGN) e.style.justifyContent = ALIGN[alignInline as keyof typeof ALIGN];
    if (spread === 'space-between') e.style.justifyContent = 'space-between';
    if (shouldWrap === true) e.style.flexWrap = 'wrap';
    if (grow === 'fill') e.style.flexGrow = '1';
    return e;
  },
};

const typography: Record<'Text' | 'Heading' | 'Strong' | 'Em' | 'Code', Component> = {
  Text: (node, children, ctx) => {
    const { as, size, weight, color, align, maxLines } = node.props;
    const tag = oneOf(as, ['p', 'span', 'strong', 'em', 'strike'] as const, 'p');
    const e = el(ctx, tag === 'strike' ? 's' : tag, `uk-text uk-text--${oneOf(size, ['small', 'medium', 'large'] as const, 'medium')}`, children());
    if (typeof weight === 'string' && ['regular', 'medium', 'semibold', 'bold'].includes(weight)) e.style.fontWeight = `var(--ds-font-weight-${weight})`;
    const colour = str(color) && tokenValue(str(color)!);
    if (colour) e.style.color = colour;
    if (align === 'center' || align === 'end' || align === 'start') e.style.textAlign = align;
    if (typeof maxLines === 'number' && maxLines > 0) {
      e.classList.add('uk-text--clamped');
      e.style.setProperty('-webkit-line-clamp', String(Math.floor(maxLines)));
    }
    return e;
  },
  Heading: (node, children, ctx) => {
    const size = oneOf(node.props.size, ['xxlarge', 'xlarge', 'large', 'medium', 'small', 'xsmall', 'xxsmall'] as const, 'medium');
    const byLevel = { xxlarge: 'h1', xlarge: 'h1', large: 'h2', medium: 'h3', small: 'h4', xsmall: 'h5', xxsmall: 'h6' } as const;
    const tag = oneOf(node.props.as, ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'span'] as const, byLevel[size]);
    const e = el(ctx, tag, 'uk-heading', children());
    e.style.font = `var(--ds-font-heading-${size})`;
    return e;
  },
  Strong: (_node, children, ctx) => el(ctx, 'strong', '', children()),
  Em: (_node, children, ctx) => el(ctx, 'em', '', children()),
  Code: (_node, children, ctx) => el(ctx, 'code', 'uk-code', children()),
};

const LOZENGE = ['default', 'inprogress', 'moved', 'new', 'removed', 'success', 'warning', 'danger', 'information', 'neutral', 'discovery'] as const;
const BADGE = ['added', 'default', 'important', 'primary', 'primaryInverted', 'removed', 'warning', 'discovery', 'danger', 'neutral', 'success', 'information', 'inverse'] as const;
const SECTION = ['information', 'warning', 'error', 'success', 'discovery'] as const;
const SECTION_ICON = { information: 'i', warning: '!', error: '!', success: '✓', discovery: '?' } as const;
const BUTTON = ['default', 'primary', 'subtle', 'warning', 'danger', 'link', 'subtle-link'] as const;

const status: Record<'Lozenge' | 'Badge' | 'SectionMessage' | 'Spinner' | 'ProgressBar', Component> = {
  Lozenge: (node, children, ctx) => {
    const e = el(ctx, 'span', `uk-lozenge uk-lozenge--${oneOf(node.props.appearance, LOZENGE, 'default')}`, children());
    if (node.props.isBold === true) e.classList.add('uk-lozenge--bold');
    return e;
  },
  Badge: (node, children, ctx) => {
    const kids = children();
    const max = node.props.max;
    const value = Number(kids.map((k) => k.textContent ?? '').join(''));
    const text = typeof max === 'number' && Number.isFinite(value) && value > max ? [ctx.document.createTextNode(`${max}+`)] : kids;
    return el(ctx, 'span', `uk-badge uk-badge--${oneOf(node.props.appearance, BADGE, 'default')}`, text);
  },
  SectionMessage: (node, children, ctx) => {
    const appearance = oneOf(node.props.appearance, SECTION, 'information');
    const icon = el(ctx, 'span', 'uk-section-message-icon', [ctx.document.createTextNode(SECTION_ICON[appearance])]);
    icon.setAttribute('aria-hidden', 'true');
    const body = el(ctx, 'div', 'uk-section-message-body');
    const title = str(node.props.title);
    if (title) body.append(el(ctx, 'h2', 'uk-section-message-title', [ctx.document.createTextNode(title)]));
    body.append(el(ctx, 'div', 'uk-section-message-content', children()));
    const e = el(ctx, 'section', `uk-section-message uk-section-message--${appearance}`, [icon, body]);
    if (title) e.setAttribute('aria-label', title);
    return e;
  },
  Spinner: (node, _children, ctx) => {
    const e = el(ctx, 'span', `uk-spinner uk-spinner--${oneOf(node.props.size, ['xsmall', 'small', 'medium', 'large', 'xlarge'] as const, 'medium')}`);
    e.setAttribute('role', 'status');
    e.setAttribute('aria-label', str(node.props.label) ?? 'Loading');
    return e;
  },
  ProgressBar: (node, _children, ctx) => {
    const value = typeof node.props.value === 'number' ? Math.min(1, Math.max(0, node.props.value)) : 0;
    const bar = el(ctx, 'span', 'uk-progress-bar-value');
    const e = el(ctx, 'div', `uk-progress-bar uk-progress-bar--${oneOf(node.props.appearance, ['default', 'success', 'inverse'] as const, 'default')}`, [bar]);
    e.setAttribute('role', 'progressbar');
    if (node.props.isIndeterminate === true) e.classList.add('uk-progress-bar--indeterminate');
    else {
      bar.style.width = `${value * 100}%`;
      e.setAttribute('aria-valuemin', '0');
      e.setAttribute('aria-valuemax', '1');
      e.setAttribute('aria-valuenow', String(value));
    }
    const label = str(node.props.ariaLabel);
    if (label) e.setAttribute('aria-label', label);
    return e;
  },
};

const actions: Record<'Button' | 'LinkButton' | 'Link', Component> = {
  Button: (node, children, ctx) => {
    const e = el(ctx, 'button', `uk-button uk-button--${oneOf(node.props.appearance, BUTTON, 'default')}`, children());
    e.type = node.props.type === 'submit' ? 'submit' : 'button';
    if (node.props.isDisabled === true) e.disabled = true;
    if (node.props.isSelected === true) e.setAttribute('aria-pressed', 'true');
    if (node.props.shouldFitContainer === true) e.classList.add('uk-button--fit');
    if (node.props.spacing === 'compact' || node.props.spacing === 'none') e.classList.add(`uk-button--${node.props.spacing}`);
    on(e, 'click', node.props.onClick, ctx);
    on(e, 'focus', node.props.onFocus, ctx);
    on(e, 'blur', node.props.onBlur, ctx);
    return e;
  },
  LinkButton: (node, children, ctx) => link(node, children, ctx, `uk-button uk-button--${oneOf(node.props.appearance, BUTTON, 'default')}`),
  Link: (node, children, ctx) => link(node, children, ctx, 'uk-link'),
};

function link(node: ForgeDoc, children: () => Node[], ctx: RenderContext, className: string): HTMLElement {
  const e = el(ctx, 'a', className, children());
  const href = safeHref(node.props.href, ctx.document.baseURI);
  if (href) e.href = href;
  else e.setAttribute('aria-disabled', 'true'); // a URL the host will not open is shown, not followed
  if (node.props.openNewTab === true || node.props.target === '_blank') {
    e.target = '_blank';
    e.rel = 'noopener noreferrer';
  }
  on(e, 'click', node.props.onClick, ctx);
  return e;
}

const containers: Record<'Box' | 'Tooltip', Component> = {
  Box: (node, children, ctx) => {
    const e = el(ctx, 'div', 'uk-box', children());
    const { backgroundColor, padding, paddingBlock, paddingInline, as } = node.props;
    const bg = str(backgroundColor) && tokenValue(str(backgroundColor)!);
    if (bg) e.style.backgroundColor = bg;
    const pad = (v: unknown) => spaceValue(v);
    if (pad(padding)) e.style.padding = pad(padding)!;
    if (pad(paddingBlock)) e.style.paddingBlock = pad(paddingBlock)!;
    if (pad(paddingInline)) e.style.paddingInline = pad(paddingInline)!;
    if (as === 'span') e.classList.add('uk-box--inline');
    applyXcss(e, node.props.xcss);
    return e;
  },
  Tooltip: (node, children, ctx) => {
    const e = el(ctx, 'span', 'uk-tooltip', children());
    const content = str(node.props.content);
    if (content) e.title = content;
    return e;
  },
};

/** Every component type the local host renders; anything else gets a visible placeholder naming it. */
export const COMPONENTS: Readonly<Record<string, Component>> = { ...layout, ...typography, ...status, ...actions, ...containers };

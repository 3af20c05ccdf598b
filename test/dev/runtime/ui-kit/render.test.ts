// @vitest-environment jsdom
/**
 * The local host's UI Kit renderer: each component it supports drawn with the design tokens, handler
 * props wired back to the app, a visible placeholder for anything else, and nothing from the app ever
 * parsed as HTML, CSS text or a script URL.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPONENTS } from '../../../../dev/runtime/ui-kit/components';
import { parseForgeDoc, type ForgeDoc, type HandlerRef } from '../../../../dev/runtime/ui-kit/forge-doc';
import { renderForgeDoc } from '../../../../dev/runtime/ui-kit/render';
import { tokenValue } from '../../../../dev/runtime/ui-kit/tokens';

const call = vi.fn<(handler: HandlerRef, args: unknown[]) => void>();
let container: HTMLElement;

beforeEach(() => {
  call.mockReset();
  document.body.innerHTML = '<div id="c"></div>';
  container = document.getElementById('c')!;
});

const text = (value: string): ForgeDoc => ({ type: 'String', props: { text: value }, children: [] });
const node = (type: string, props: Record<string, unknown> = {}, ...children: ForgeDoc[]): ForgeDoc => ({ type, props, children });
const root = (...children: ForgeDoc[]) => node('Root', {}, ...children);
const render = (doc: ForgeDoc) => renderForgeDoc(container, doc, { document, call });
const handler = (id: string) => ({ $$forgeHandler: id });

describe('the UI Kit renderer', () => {
  it('lays out Stack and Inline with the space tokens, and puts text in as text', () => {
    render(root(node('Stack', { space: 'space.150' }, node('Inline', { space: 'space.100', alignBlock: 'center', shouldWrap: true }, node('Text', {}, text('<img src=x onerror=alert(1)>'))))));
    const stack = container.querySelector<HTMLElement>('.uk-stack')!;
    expect(stack.style.gap).toBe('var(--ds-space-150, 12px)');
    const inline = stack.querySelector<HTMLElement>('.uk-inline')!;
    expect(inline.style.columnGap).toBe('var(--ds-space-100, 8px)');
    expect(inline.style.alignItems).toBe('center');
    expect(inline.style.flexWrap).toBe('wrap');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('styles Text, Heading, Lozenge, Badge, SectionMessage, Spinner and ProgressBar as the design system does', () => {
    render(
      root(
        node('Text', { size: 'small', weight: 'bold', color: 'color.text.subtle', as: 'span' }, text('small')),
        node('Heading', { size: 'small' }, text('Title')),
        node('Lozenge', { appearance: 'removed', isBold: true }, text('Failing')),
        node('Badge', { appearance: 'primary', max: 99 }, text('120')),
        node('SectionMessage', { appearance: 'warning', title: 'Not connected' }, node('Text', {}, text('Ask an admin.'))),
        node('Spinner', { size: 'small', label: 'Loading test status' }),
        node('ProgressBar', { value: 0.25, appearance: 'success', ariaLabel: '1 of 4 passed' }),
      ),
    );
    const small = container.querySelector<HTMLElement>('span.uk-text')!;
    expect(small.className).toContain('uk-text--small');
    expect(small.style.color).toBe('var(--ds-text-subtle)');
    expect(small.style.fontWeight).toBe('var(--ds-font-weight-bold)');
    expect(container.querySelector('h4.uk-heading')?.textContent).toBe('Title');
    expect(container.querySelector('.uk-lozenge')?.className).toBe('uk-lozenge uk-lozenge--removed uk-lozenge--bold');
    expect(container.querySelector('.uk-badge')?.textContent).toBe('99+');
    const message = container.querySelector('section.uk-section-message--warning')!;
    expect(message.getAttribute('aria-label')).toBe('Not connected');
    expect(message.querySelector('h2')?.textContent).toBe('Not connected');
    expect(container.querySelector('[role="status"]')?.getAttribute('aria-label')).toBe('Loading test status');
    const bar = container.querySelector<HTMLElement>('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('0.25');
    expect(bar.getAttribute('aria-label')).toBe('1 of 4 passed');
    expect(bar.querySelector<HTMLElement>('.uk-progress-bar-value')!.style.width).toBe('25%');
  });

  it('sends a click back to the app as the handler reference, and nothing for a disabled button', () => {
    render(root(node('Button', { appearance: 'primary', onClick: handler('h-1') }, text('Retry')), node('Button', { isDisabled: true, onClick: handler('h-2') }, text('Off'))));
    const [retry, off] = container.querySelectorAll('button');
    retry!.click();
    off!.click();
    expect(call.mock.calls).toEqual([[{ $$forgeHandler: 'h-1' }, []]]);
    expect(retry!.type).toBe('button');
    expect(retry!.className).toBe('uk-button uk-button--primary');
  });

  it('shows a component it does not know as a visible placeholder naming it, with its content inside', () => {
    render(root(node('DonutChart', { data: [] }, node('Text', {}, text('inside')))));
    const placeholder = container.querySelector('.uk-unknown')!;
    expect(placeholder.getAttribute('role')).toBe('note');
    expect(placeholder.querySelector('code')?.textContent).toBe('DonutChart');
    expect(placeholder.textContent).toContain('inside');
  });

  it('opens only http(s) and site links, in a new tab without an opener when asked', () => {
    render(
      root(
        node('Link', { href: '/jira/apps/a/b' }, text('settings')),
        node('Link', { href: 'https://testkase.com/docs', openNewTab: true }, text('docs')),
        node('Link', { href: 'javascript:alert(1)' }, text('bad')),
        node('LinkButton', { href: 'data:text/html,hi' }, text('bad too')),
      ),
    );
    const [site, docs, bad, badToo] = [...container.querySelectorAll('a')];
    expect(site!.getAttribute('href')).toBe('/jira/apps/a/b');
    expect(docs!.getAttribute('href')).toBe('https://testkase.com/docs');
    expect(docs!.target).toBe('_blank');
    expect(docs!.rel).toBe('noopener noreferrer');
    expect(bad!.hasAttribute('href')).toBe(false);
    expect(badToo!.hasAttribute('href')).toBe(false);
  });

  it('applies a Box’s xcss through the CSSOM: tokens mapped, plain sizes kept, anything else dropped', () => {
    render(
      root(
        node('Box', {
          xcss: {
            backgroundColor: 'color.background.success.bold',
            borderRadius: 'radius.full',
            width: '37.5%',
            height: '8px',
            overflow: 'hidden',
            color: 'red', // not a token
            minWidth: 'calc(100% - 1px)', // not a plain size
            backgroundImage: 'url(https://evil.example/x.png)', // not a UI Kit xcss property
            display: 'grid', // not an allowed value
          },
          testId: 'segment',
        }),
      ),
    );
    const box = container.querySelector<HTMLElement>('[data-testid="segment"]')!;
    expect(box.style.backgroundColor).toBe('var(--ds-background-success-bold)');
    expect(box.style.borderRadius).toBe('var(--ds-radius-full, 9999px)');
    expect(box.style.width).toBe('37.5%');
    expect(box.style.height).toBe('8px');
    expect(box.style.overflow).toBe('hidden');
    expect(box.style.color).toBe('');
    expect(box.style.minWidth).toBe('');
    expect(box.style.backgroundImage).toBe('');
    expect(box.style.display).toBe('');
    expect(box.getAttribute('style')).not.toMatch(/evil|red|grid/);
  });

  it('keeps keyboard focus on the same control when the app sends a new tree', () => {
    const tree = (label: string) => root(node('Stack', {}, node('Text', {}, text(label)), node('Button', { onClick: handler(label) }, text('Retry'))));
    render(tree('first'));
    container.querySelector('button')!.focus();
    render(tree('second'));
    expect(document.activeElement?.textContent).toBe('Retry');
    expect(container.textContent).toContain('second');
  });

  it('supports every component the issue summary uses, and more', () => {
    expect(Object.keys(COMPONENTS).sort()).toEqual(
      ['Badge', 'Box', 'Button', 'Code', 'Em', 'Heading', 'Inline', 'Link', 'LinkButton', 'Lozenge', 'ProgressBar', 'SectionMessage', 'Spinner', 'Stack', 'Strong', 'Text', 'Tooltip'].sort(),
    );
  });
});

describe('design tokens', () => {
  it('maps token names to the page’s custom properties', () => {
    expect(tokenValue('color.text.subtle')).toBe('var(--ds-text-subtle)');
    expect(tokenValue('color.background.accent.gray.subtle')).toBe('var(--ds-background-accent-gray-subtle)');
    expect(tokenValue('elevation.surface.raised')).toBe('var(--ds-surface-raised)');
    expect(tokenValue('space.0')).toBe('var(--ds-space-0, 0)');
    expect(tokenValue('red')).toBeNull();
    expect(tokenValue('color.text);background:url(x)')).toBeNull();
  });
});

describe('ForgeDoc from the frame', () => {
  it('is rendered only when it is a tree of components', () => {
    expect(parseForgeDoc({ type: 'Root', props: {}, children: [{ type: 'String', props: { text: 'hi' }, children: [] }] }).ok).toBe(true);
    expect(parseForgeDoc({ type: 'Root', children: [] })).toMatchObject({ ok: true, doc: { props: {} } });
    expect(parseForgeDoc({ props: {} }).ok).toBe(false);
    expect(parseForgeDoc('<b>hi</b>').ok).toBe(false);
    let deep: ForgeDoc = node('Text');
    for (let i = 0; i < 80; i++) deep = node('Box', {}, deep);
    expect(parseForgeDoc(deep)).toMatchObject({ ok: false, reason: expect.stringMatching(/deeper than 64/) });
  });
});

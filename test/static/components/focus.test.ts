// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusSoon } from '../../../static/src/components/focus';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const button = (label: string) => {
  const b = document.createElement('button');
  b.textContent = label;
  document.body.append(b);
  return b;
};

describe('focusSoon', () => {
  it('focuses a control already on screen at once, so focus never rests on <body> while a view closes', () => {
    vi.useFakeTimers();
    const toggle = button('TC-2');
    const inner = button('DEMO-3');
    inner.focus();
    focusSoon(() => toggle);
    // Before any timer runs (the render that removes the view has not committed yet).
    expect(document.activeElement).toBe(toggle);
    inner.remove();
    vi.runAllTimers();
    expect(document.activeElement).toBe(toggle);
  });

  it('focuses a control that appears with the next render', () => {
    vi.useFakeTimers();
    let target: HTMLButtonElement | null = null;
    focusSoon(() => target);
    expect(document.activeElement).toBe(document.body);
    target = button('Saved');
    vi.runAllTimers();
    expect(document.activeElement).toBe(target);
  });

  it('focuses the replacement when the control was replaced by the render', () => {
    vi.useFakeTimers();
    let current = button('Run TC-2');
    focusSoon(() => current);
    expect(document.activeElement).toBe(current);
    current.remove();
    current = button('Run TC-2');
    vi.runAllTimers();
    expect(document.activeElement).toBe(current);
  });
});

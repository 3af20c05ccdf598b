// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '../testing-library';
import { StatusBar } from '../../../static/src/components/StatusBar';
import { StatusLozenge } from '../../../static/src/components/Lozenge';

afterEach(cleanup);

describe('StatusBar', () => {
  it('draws one segment per non-zero status, proportional, without inline styles', () => {
    const { container } = render(<StatusBar counts={{ NOT_EXECUTED: 1, PASS: 2, FAIL: 1, BLOCKED: 0, SKIPPED: 0 }} label="Latest results" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Latest results: Not Executed 1, Pass 2, Fail 1');
    const segs = [...container.querySelectorAll('rect.seg')].map((r) => [r.getAttribute('class'), r.getAttribute('x'), r.getAttribute('width')]);
    expect(segs).toEqual([
      ['seg seg-not-executed', '0', '25'],
      ['seg seg-pass', '25', '50'],
      ['seg seg-fail', '75', '25'],
    ]);
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('says none for an empty bar', () => {
    render(<StatusBar counts={{ NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 }} label="Progress" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Progress: none');
  });
});

describe('StatusLozenge', () => {
  it('colours each status with its own class', () => {
    const { container } = render(
      <>
        <StatusLozenge status="NOT_EXECUTED" />
        <StatusLozenge status="PASS" />
        <StatusLozenge status="FAIL" />
        <StatusLozenge status="BLOCKED" />
        <StatusLozenge status="SKIPPED" />
      </>,
    );
    expect([...container.querySelectorAll('.lozenge')].map((e) => `${e.textContent}:${e.className}`)).toEqual([
      'Not Executed:lozenge lozenge-not-executed',
      'Pass:lozenge lozenge-pass',
      'Fail:lozenge lozenge-fail',
      'Blocked:lozenge lozenge-blocked',
      'Skipped:lozenge lozenge-skipped',
    ]);
  });
});

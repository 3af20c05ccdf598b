// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from './testing-library';

afterEach(cleanup);

// The harness is @testing-library/react with no correction (the Preact one is gone): events reach
// React's onChange as a browser's do. A checkbox changes by a click in a browser (mouse or Space),
// and React listens for that click, not for a bare `change`, so the test clicks it.
describe('fireEvent with react-dom', () => {
  it('reaches onChange on text inputs, text areas, selects and checkboxes, as a browser does', () => {
    const seen: string[] = [];
    render(
      <>
        <input aria-label="text" onChange={(e) => seen.push(`text:${e.currentTarget.value}`)} />
        <textarea aria-label="area" onChange={(e) => seen.push(`area:${e.currentTarget.value}`)} />
        <select aria-label="pick" onChange={(e) => seen.push(`pick:${e.currentTarget.value}`)}>
          <option value="a">A</option>
          <option value="b">B</option>
        </select>
        <input type="checkbox" aria-label="tick" onChange={(e) => seen.push(`tick:${String(e.currentTarget.checked)}`)} />
      </>,
    );
    fireEvent.change(screen.getByLabelText('text'), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('area'), { target: { value: 'y' } });
    fireEvent.change(screen.getByLabelText('pick'), { target: { value: 'b' } });
    fireEvent.click(screen.getByLabelText('tick'));
    expect(seen).toEqual(['text:x', 'area:y', 'pick:b', 'tick:true']);
  });
});

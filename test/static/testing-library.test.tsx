// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from './testing-library';

afterEach(cleanup);

describe('fireEvent.change under preact/compat', () => {
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
    fireEvent.change(screen.getByLabelText('tick'), { target: { checked: true } });
    expect(seen).toEqual(['text:x', 'area:y', 'pick:b', 'tick:true']);
  });
});

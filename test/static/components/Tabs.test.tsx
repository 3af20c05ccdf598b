// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '../testing-library';
import { useState } from 'react';
import { Tabs } from '../../../static/src/components/Tabs';

afterEach(cleanup);

const TABS = [
  { id: 'a', label: 'Test Cases' },
  { id: 'b', label: 'Test Cycles' },
  { id: 'c', label: 'Third' },
];

function Harness() {
  const [selected, setSelected] = useState('a');
  return <Tabs idPrefix="t" label="Demo" tabs={TABS} selected={selected} onSelect={setSelected} renderPanel={(id) => <p>panel {id}</p>} />;
}

const selectedTab = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

describe('Tabs', () => {
  it('wires tabs to panels and keeps only the selected tab in the tab order', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Demo' })).toBeTruthy();
    const [first, second] = screen.getAllByRole('tab');
    expect(first!.getAttribute('aria-selected')).toBe('true');
    expect(first!.tabIndex).toBe(0);
    expect(second!.tabIndex).toBe(-1);
    const panel = screen.getByRole('tabpanel');
    expect(first!.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.getAttribute('aria-labelledby')).toBe(first!.id);
    expect(panel.textContent).toBe('panel a');
  });

  it('moves selection and focus with ArrowRight, ArrowLeft (wrapping), Home and End', () => {
    render(<Harness />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    fireEvent.keyDown(tab('Test Cases'), { key: 'ArrowRight' });
    expect(selectedTab()).toBe('Test Cycles');
    expect(document.activeElement).toBe(tab('Test Cycles'));
    expect(tab('Test Cycles').tabIndex).toBe(0);
    expect(tab('Test Cases').tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').textContent).toBe('panel b');

    fireEvent.keyDown(tab('Test Cycles'), { key: 'ArrowLeft' });
    expect(selectedTab()).toBe('Test Cases');
    fireEvent.keyDown(tab('Test Cases'), { key: 'ArrowLeft' });
    expect(selectedTab()).toBe('Third');
    fireEvent.keyDown(tab('Third'), { key: 'ArrowRight' });
    expect(selectedTab()).toBe('Test Cases');
    fireEvent.keyDown(tab('Test Cases'), { key: 'End' });
    expect(selectedTab()).toBe('Third');
    expect(document.activeElement).toBe(tab('Third'));
    fireEvent.keyDown(tab('Third'), { key: 'Home' });
    expect(selectedTab()).toBe('Test Cases');
    fireEvent.keyDown(tab('Test Cases'), { key: 'a' });
    expect(selectedTab()).toBe('Test Cases');
  });

  it('selects on click', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: 'Third' }));
    expect(selectedTab()).toBe('Third');
  });
});

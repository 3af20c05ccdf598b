import { useId } from 'react';
import { LabelledOptions } from '../../components/Inputs';
import { PRIORITY_LABEL, PRIORITY_ORDER, STATUSES, STATUS_LABEL } from '../../labels';
import type { CaseFilter } from './filter';

/** Text, latest result and priority filters over the linked test cases (applied as the person types). */
export function FilterBar({ filter, onChange }: { filter: CaseFilter; onChange: (f: CaseFilter) => void }) {
  const id = useId();
  const choice = <K extends 'status' | 'priority'>(key: K, label: string, values: readonly string[], labels: Record<string, string>) => (
    <label className="filter-field" htmlFor={`${id}-${key}`}>
      <span className="field-label">{label}</span>
      <select id={`${id}-${key}`} className="input select" value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.currentTarget.value })}>
        <option value="">Any</option>
        <LabelledOptions values={values} labels={labels} />
      </select>
    </label>
  );
  return (
    <div className="filter-bar" role="group" aria-label="Filter linked test cases">
      <label className="filter-field filter-text" htmlFor={`${id}-text`}>
        <span className="field-label">Filter</span>
        <input id={`${id}-text`} type="search" className="input" placeholder="Id or words of the title" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </label>
      {choice('status', 'Latest result', STATUSES, STATUS_LABEL)}
      {choice('priority', 'Priority', [...PRIORITY_ORDER].reverse(), PRIORITY_LABEL)}
    </div>
  );
}

import { useId } from 'react';
import { LabelledOptions } from '../../components/Inputs';
import { PRIORITIES, STATUSES } from '../../../../src/shared/facts';
import { words } from '../../../../src/shared/words/panel';
import type { CaseFilter } from './filter';

/** Text, latest result and priority filters over the linked test cases (applied as the person types). */
export function FilterBar({ filter, onChange }: { filter: CaseFilter; onChange: (f: CaseFilter) => void }) {
  const id = useId();
  const choice = <K extends 'status' | 'priority'>(key: K, label: string, values: readonly string[], labels: Record<string, string>) => (
    <label className="filter-field" htmlFor={`${id}-${key}`}>
      <span className="field-label">{label}</span>
      <select id={`${id}-${key}`} className="input select" value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.currentTarget.value })}>
        <option value="">{words.common.any}</option>
        <LabelledOptions values={values} labels={labels} />
      </select>
    </label>
  );
  const said = words.cases;
  return (
    <div className="filter-bar" role="group" aria-label={said.filters}>
      <label className="filter-field filter-text" htmlFor={`${id}-text`}>
        <span className="field-label">{said.filter}</span>
        <input id={`${id}-text`} type="search" className="input" placeholder={said.filterPlaceholder} value={filter.text} onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </label>
      {choice('status', said.latestResult, STATUSES, words.status)}
      {choice('priority', said.priority, [...PRIORITIES].reverse(), words.priority)}
    </div>
  );
}

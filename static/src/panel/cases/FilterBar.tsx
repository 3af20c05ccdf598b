import { useId } from 'react';
import type { ExecutionStatus, Priority } from '../../../../src/shared/definitions';
import { PRIORITY_LABEL, PRIORITY_ORDER, STATUSES, STATUS_LABEL } from '../../labels';
import type { CaseFilter } from './filter';

/** Text, latest result and priority filters over the linked test cases (applied as the person types). */
export function FilterBar({ filter, onChange }: { filter: CaseFilter; onChange: (f: CaseFilter) => void }) {
  const id = useId();
  return (
    <div className="filter-bar" role="group" aria-label="Filter linked test cases">
      <label className="filter-field filter-text" htmlFor={`${id}-text`}>
        <span className="field-label">Filter</span>
        <input
          id={`${id}-text`}
          type="search"
          className="input"
          placeholder="Id or words of the title"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      </label>
      <label className="filter-field" htmlFor={`${id}-status`}>
        <span className="field-label">Latest result</span>
        <select id={`${id}-status`} className="input select" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.currentTarget.value as ExecutionStatus | '' })}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field" htmlFor={`${id}-priority`}>
        <span className="field-label">Priority</span>
        <select id={`${id}-priority`} className="input select" value={filter.priority} onChange={(e) => onChange({ ...filter, priority: e.currentTarget.value as Priority | '' })}>
          <option value="">Any</option>
          {[...PRIORITY_ORDER].reverse().map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABEL[p]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

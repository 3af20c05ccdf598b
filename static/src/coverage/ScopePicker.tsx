/**
 * The scope a coverage list is about: the issues TestKase links (the default), or a fix version, a
 * sprint or an epic of the project. One native select with groups: keyboard and screen readers work
 * as everywhere. Shared by the project page and the gadget's edit view.
 */
import type { CoverageScope, CoverageScopeOptions } from '../../../src/shared/coverage';
import { words } from '../../../src/shared/words/coverage';
import { scopeFromPath, scopeKey } from './model';

type Options = Pick<CoverageScopeOptions, 'versions' | 'sprints' | 'epics'> | null;

/** What a scope is called in sentences and file names ("3.8", "Sprint 42", "DEMO-60 Checkout redesign"). */
export function scopeName(scope: CoverageScope, options: Options): string {
  const w = words.coverage;
  switch (scope.kind) {
    case 'LINKED':
      return w.scopeLinked;
    case 'VERSION':
      return options?.versions?.find((v) => v.id === scope.id)?.name ?? scope.id;
    case 'SPRINT':
      return options?.sprints?.find((s) => s.id === scope.id)?.name ?? String(scope.id);
    case 'EPIC': {
      const epic = options?.epics?.find((e) => e.key === scope.key);
      return epic ? w.epicOption(epic) : scope.key;
    }
  }
}

export function ScopePicker({ id, value, options, onChange, disabled }: { id: string; value: CoverageScope; options: Options; onChange: (scope: CoverageScope) => void; disabled?: boolean }) {
  const w = words.coverage;
  const current = scopeKey(value);
  // A scope the list does not offer (an old link, or a sprint on another board) is still shown as chosen.
  const known = new Set(['/', ...(options?.versions ?? []).map((v) => `/version/${v.id}`), ...(options?.sprints ?? []).map((s) => `/sprint/${s.id}`), ...(options?.epics ?? []).map((e) => `/epic/${e.key}`)]);
  return (
    <div className="field scope-field">
      <label className="field-label" htmlFor={id}>
        {w.scopeLabel}
      </label>
      <select id={id} className="input scope-select" value={current} disabled={disabled} onChange={(e) => onChange(scopeFromPath(e.target.value))}>
        <option value="/">{w.scopeLinked}</option>
        {!known.has(current) && <option value={current}>{scopeName(value, options)}</option>}
        <Group label={w.scopeVersions} items={(options?.versions ?? []).map((v) => [`/version/${v.id}`, w.versionOption(v)])} />
        <Group label={w.scopeSprints} items={(options?.sprints ?? []).map((s) => [`/sprint/${s.id}`, w.sprintOption(s)])} />
        <Group label={w.scopeEpics} items={(options?.epics ?? []).map((e) => [`/epic/${e.key}`, w.epicOption(e)])} />
      </select>
    </div>
  );
}

/** One group of the picker (versions, sprints or epics): [value, label] pairs; nothing when empty. */
function Group({ label, items }: { label: string; items: ReadonlyArray<readonly [string, string]> }) {
  if (items.length === 0) return null;
  return (
    <optgroup label={label}>
      {items.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </optgroup>
  );
}

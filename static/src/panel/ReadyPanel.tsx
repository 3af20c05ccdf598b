/** READY: who acts in TestKase, Refresh, and the two tabs. Linked test cases live here because both tabs use them. */
import { lazy, Suspense, useState } from 'react';
import type { ConfigState, LinkedTests, Result } from '../../../src/shared/definitions';
import { api } from '../api';
import type { UiContext } from '../context';
import { Spinner } from '../components/Spinner';
import { Tabs, type TabSpec } from '../components/Tabs';
import { useLoad } from '../load';
import { RefreshButton, RefreshScope } from './refresh';
import { TestCasesTab } from './TestCasesTab';

// Most panel views never open the cycles tab: keep its code out of the first download.
const TestCyclesTab = lazy(() => import('./TestCyclesTab'));

const TABS: readonly TabSpec[] = [
  { id: 'cases', label: 'Test Cases' },
  { id: 'cycles', label: 'Test Cycles' },
];

export function ReadyPanel({
  ctx,
  config,
  issueKey,
  initialLinked,
  actingAs,
}: {
  ctx: UiContext;
  config: Extract<ConfigState, { kind: 'READY' }>;
  issueKey: string | null;
  /** From getState; null (should not happen when READY) fetches the list once. */
  initialLinked: Result<LinkedTests> | null;
  /** The TestKase user the saved token belongs to: whatever is recorded from here is recorded as them. */
  actingAs: string | null;
}) {
  const linked = useLoad(api.listLinkedTests, [], { initial: initialLinked });
  const [selected, setSelected] = useState('cases');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['cases']));

  const select = (id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <RefreshScope>
      <div className="panel-head">
        <p className="panel-context">
          {config.project && (
            <>
              TestKase project <strong>{config.project.name}</strong>
            </>
          )}
          {actingAs && (
            <>
              {config.project && ' · '}
              Acting in TestKase as <strong>{actingAs}</strong>
            </>
          )}
          {!config.canWrite && <span className="muted"> · read-only (Guest)</span>}
        </p>
        <RefreshButton />
      </div>
      <Tabs
        idPrefix="tk"
        label="TestKase"
        tabs={TABS}
        selected={selected}
        onSelect={select}
        renderPanel={(id) => {
          if (!visited.has(id)) return null;
          if (id === 'cases') {
            return <TestCasesTab ctx={ctx} linked={linked} canWrite={config.canWrite} issueKey={issueKey} active={selected === 'cases'} />;
          }
          return (
            <Suspense fallback={<Spinner label="Loading test cycles…" />}>
              <TestCyclesTab
                ctx={ctx}
                canWrite={config.canWrite}
                issueKey={issueKey}
                linked={linked.state}
                active={selected === 'cycles'}
                onExecuted={() => void linked.refresh()}
              />
            </Suspense>
          );
        }}
      />
    </RefreshScope>
  );
}

/** READY: the two tabs. Linked test cases live here because both tabs use them. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ConfigState, LinkedTests, Result } from '../../../src/shared/definitions';
import { api } from '../api';
import type { UiContext } from '../context';
import { Spinner } from '../components/Spinner';
import { Tabs, type TabSpec } from '../components/Tabs';
import { fromResult, type Load } from '../load';
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
}: {
  ctx: UiContext;
  config: Extract<ConfigState, { kind: 'READY' }>;
  issueKey: string | null;
  initialLinked: Result<LinkedTests> | null;
}) {
  const [linked, setLinked] = useState<Load<LinkedTests>>(() => (initialLinked ? fromResult(initialLinked) : { status: 'loading' }));
  const [selected, setSelected] = useState('cases');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['cases']));

  const refreshLinked = useCallback(async (quiet = true) => {
    if (!quiet) setLinked({ status: 'loading' });
    const r = await api.listLinkedTests();
    // A failed background refresh keeps the list the user is looking at.
    setLinked((prev) => (r.ok || !quiet || prev.status !== 'ready' ? fromResult(r) : prev));
  }, []);

  // getState left `linked` empty (should not happen when READY): fetch it once.
  const missing = initialLinked === null;
  useEffect(() => {
    if (missing) void refreshLinked(false);
  }, [missing, refreshLinked]);

  const select = (id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <>
      {config.project && (
        <p className="panel-context">
          TestKase project <strong>{config.project.name}</strong>
          {!config.canWrite && <span className="muted"> · read-only (Guest)</span>}
        </p>
      )}
      <Tabs
        idPrefix="tk"
        label="TestKase"
        tabs={TABS}
        selected={selected}
        onSelect={select}
        renderPanel={(id) => {
          if (!visited.has(id)) return null;
          if (id === 'cases') {
            return <TestCasesTab linked={linked} canWrite={config.canWrite} issueKey={issueKey} onRefresh={refreshLinked} />;
          }
          return (
            <Suspense fallback={<Spinner label="Loading test cycles…" />}>
              <TestCyclesTab ctx={ctx} canWrite={config.canWrite} linked={linked} onExecuted={() => void refreshLinked()} />
            </Suspense>
          );
        }}
      />
    </>
  );
}

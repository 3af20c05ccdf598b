/** READY: who acts in TestKase, Refresh, and the two tabs. Linked test cases live here because both tabs use them. */
import { lazy, Suspense, useState } from 'react';
import type { ConnectionView, LinkedTests, Result } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/panel';
import { api } from '../api';
import type { UiContext } from '../context';
import { Spinner } from '../components/Spinner';
import { Tabs, type TabSpec } from '../components/Tabs';
import { useLoad } from '../load';
import { RefreshButton, RefreshScope } from './refresh';
import { TestCasesTab } from './TestCasesTab';

// Most panel views never open the cycles tab: keep its code out of the first download.
const TestCyclesTab = lazy(() => import('./TestCyclesTab'));


export function ReadyPanel({
  ctx,
  connection,
  issueKey,
  initialLinked,
  actingAs,
}: {
  ctx: UiContext;
  connection: Extract<ConnectionView, { kind: 'READY' }>;
  issueKey: string | null;
  /** From getState; null (should not happen when READY) fetches the list once. */
  initialLinked: Result<LinkedTests> | null;
  /** The TestKase user the saved token belongs to: whatever is recorded from here is recorded as them. */
  actingAs: string | null;
}) {
  const linked = useLoad(api.listLinkedTests, [], { initial: initialLinked });
  const [selected, setSelected] = useState('cases');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['cases']));

  const tabs: readonly TabSpec[] = [
    { id: 'cases', label: words.panel.tabCases },
    { id: 'cycles', label: words.panel.tabCycles },
  ];
  const select = (id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <RefreshScope>
      <div className="panel-head">
        <p className="panel-context">
          {connection.project && words.panel.project({ name: <strong key="project">{connection.project.name}</strong> })}
          {actingAs && (
            <>
              {connection.project && words.panel.separator}
              {words.panel.actingAs({ name: <strong key="actingAs">{actingAs}</strong> })}
            </>
          )}
          {!connection.canWrite && <span className="muted">{words.panel.readOnly}</span>}
        </p>
        <RefreshButton />
      </div>
      <Tabs
        idPrefix="tk"
        label={words.panel.tabs}
        tabs={tabs}
        selected={selected}
        onSelect={select}
        renderPanel={(id) => {
          if (!visited.has(id)) return null;
          if (id === 'cases') {
            return <TestCasesTab ctx={ctx} linked={linked} canWrite={connection.canWrite} issueKey={issueKey} active={selected === 'cases'} />;
          }
          return (
            <Suspense fallback={<Spinner label={words.common.loadingCycles} />}>
              <TestCyclesTab
                ctx={ctx}
                canWrite={connection.canWrite}
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

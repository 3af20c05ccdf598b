/** Test Cases tab: the cases linked to this issue, coverage, create / link / unlink. */
import { useState } from 'react';
import { ShowMore, usePaged } from '../components/ShowMore';
import type { LinkedTests, TestCase } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { StatusLozenge } from '../components/Lozenge';
import { Loaded } from '../components/Loaded';
import { StatusBar } from '../components/StatusBar';
import { PRIORITY_LABEL } from '../labels';
import type { Loader } from '../load';
import { CreateTestCaseForm } from './CreateTestCaseForm';
import { LinkExisting } from './LinkExisting';
import { NoticeView, type Notice } from './NoticeView';

type Mode = 'none' | 'create' | 'link';

export function TestCasesTab({
  linked,
  canWrite,
  issueKey,
}: {
  /** Owned by ReadyPanel (the cycles tab shows its titles); refreshed here after each write. */
  linked: Loader<LinkedTests>;
  canWrite: boolean;
  issueKey: string | null;
}) {
  const [mode, setMode] = useState<Mode>('none');
  const [notice, setNotice] = useState<Notice>(null);
  const [unlinking, setUnlinking] = useState<string | null>(null);
  const rows = usePaged(linked.state.status === 'ready' ? linked.state.data.items : []);
  const issue = issueKey ?? 'this issue';

  const unlink = async (tc: TestCase) => {
    setUnlinking(tc.id);
    setNotice(null);
    const r = await api.unlinkTestCase({ testCaseId: tc.id });
    if (r.ok) {
      await linked.refresh();
      setNotice({ tone: 'success', text: `Unlinked ${tc.id} from ${issue}.` });
    } else {
      setNotice({ tone: 'error', text: r.error.message });
    }
    setUnlinking(null);
  };

  const created = async (tc: TestCase) => {
    setMode('none');
    await linked.refresh();
    setNotice({ tone: 'success', text: `Created ${tc.id} and linked it to ${issue}.` });
  };

  const linkedOne = async (tc: TestCase) => {
    await linked.refresh();
    setNotice({ tone: 'success', text: `Linked ${tc.id} to ${issue}.` });
  };

  const toggle = (m: Mode) => {
    setNotice(null);
    setMode((cur) => (cur === m ? 'none' : m));
  };

  return (
    <section className="tab-body" aria-label="Test cases linked to this issue">
      {canWrite && (
        <div className="toolbar">
          <Button appearance={mode === 'create' ? 'primary' : 'default'} aria-expanded={mode === 'create'} onClick={() => toggle('create')}>
            Create test case
          </Button>
          <Button appearance={mode === 'link' ? 'primary' : 'default'} aria-expanded={mode === 'link'} onClick={() => toggle('link')}>
            Link existing
          </Button>
        </div>
      )}
      {canWrite && mode === 'create' && <CreateTestCaseForm onCreated={created} onCancel={() => setMode('none')} />}
      {canWrite && mode === 'link' && (
        <LinkExisting
          linkedIds={linked.state.status === 'ready' ? new Set(linked.state.data.items.map((t) => t.id)) : new Set()}
          onLinked={linkedOne}
          onClose={() => setMode('none')}
        />
      )}
      <NoticeView notice={notice} />
      <Loaded
        state={linked.state}
        loadingLabel="Loading linked test cases…"
        errorTitle="Linked test cases could not be loaded"
        onRetry={() => void linked.reload()}
      >
        {cases}
      </Loaded>
    </section>
  );

  function cases({ items, total, counts }: LinkedTests) {
    if (items.length === 0) {
      return (
        <div className="empty">
          <p>No test cases are linked to {issue} yet.</p>
          {canWrite && <p className="muted">Create a test case or link an existing one.</p>}
        </div>
      );
    }
    return (
      <>
        <div className="coverage">
          <p className="coverage-title">
            {total} linked test {total === 1 ? 'case' : 'cases'}
          </p>
          <StatusBar counts={counts} label="Latest results" />
        </div>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Title</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.visible.map((tc) => (
              <tr key={tc.id}>
                <td className="nowrap mono">{tc.id}</td>
                <td className="title-cell">{tc.title}</td>
                <td className="nowrap">{PRIORITY_LABEL[tc.priority] ?? tc.priority}</td>
                <td className="nowrap">
                  <StatusLozenge status={tc.latestExecution?.status ?? 'NOT_EXECUTED'} />
                </td>
                {canWrite && (
                  <td className="nowrap actions-cell">
                    <Button
                      appearance="subtle"
                      busy={unlinking === tc.id}
                      busyLabel="Unlinking…"
                      disabled={unlinking !== null}
                      onClick={() => void unlink(tc)}
                    >
                      Unlink<span className="visually-hidden"> {tc.id}</span>
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what="test cases" />
        {items.length < total && (
          <p className="muted">
            TestKase returned {items.length} of {total} linked test cases.
          </p>
        )}
      </>
    );
  }
}

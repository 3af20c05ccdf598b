/**
 * "Link existing bug": the tester types a bug's key, Jira (as them) says what it is — summary, status,
 * type and project — and only then is it recorded on the result. A key Jira has no issue for is refused
 * at the field; one that is not a bug of this project is shown with what it is, and may be added anyway.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { JiraIssueInfo } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { focusSoon } from '../../components/focus';
import { Lozenge } from '../../components/Lozenge';
import { parseDefects } from '../run/defects';
import { BugKeyField } from './BugKeyField';
import { whatItIs } from './check';

/** Jira's status categories, in the colours Jira gives them. */
const CATEGORY_TONE: Record<string, 'default' | 'info' | 'success'> = { new: 'default', indeterminate: 'info', done: 'success' };

type Found = { issue: JiraIssueInfo; doubt: string | null } | { issue: null; key: string; doubt: string };

export function LinkBug({ testCaseId, disabled, onLink }: { testCaseId: string; disabled: boolean; onLink: (key: string) => Promise<boolean> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const toggleRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const toggle = () => toggleRef.current?.querySelector<HTMLButtonElement>('button') ?? null;
  const said = words.bug;

  const close = () => {
    setOpen(false);
    setTyped('');
    setError(null);
    setFound(null);
    focusSoon(toggle);
  };

  const find = async () => {
    const parsed = parseDefects(typed);
    const problem = parsed.error ?? (parsed.keys.length === 1 ? null : said.typeKey);
    if (problem) {
      setError(problem);
      setFound(null);
      focusSoon(() => inputRef.current);
      return;
    }
    const key = parsed.keys[0]!;
    setBusy(true);
    setError(null);
    setFound(null);
    const r = await api.getJiraIssues({ refs: [key] });
    setBusy(false);
    if (!r.ok) {
      // Jira could not say: the tester may still add the key, told that it was not checked.
      setFound({ issue: null, key, doubt: said.checkFailed({ why: r.error.message }) });
      focusSoon(() => confirmRef.current?.querySelector('button'));
      return;
    }
    const issue = r.data.items[0]?.issue ?? null;
    if (!issue) {
      setError(said.notInJira({ keys: [key] }));
      focusSoon(() => inputRef.current);
      return;
    }
    setFound({ issue, doubt: issue.isBug && issue.inThisProject ? null : whatItIs(issue) });
    focusSoon(() => confirmRef.current?.querySelector('button'));
  };

  const add = async (key: string) => {
    setBusy(true);
    const ok = await onLink(key);
    setBusy(false);
    if (ok) {
      setOpen(false);
      setTyped('');
      setFound(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    e.preventDefault();
    close();
  };

  const key = found ? (found.issue ? found.issue.key : found.key) : null;
  return (
    <>
      <div ref={toggleRef} className="link-bug-toggle">
        <Button
          appearance="subtle"
          aria-expanded={open}
          disabled={disabled}
          onClick={() => {
            if (open) close();
            else {
              setOpen(true);
              focusSoon(() => inputRef.current);
            }
          }}
        >
          {said.link}
          <span className="visually-hidden">{said.linkFor({ id: testCaseId })}</span>
        </Button>
      </div>
      {open && (
        <div className="link-bug" role="group" aria-label={said.link + said.linkFor({ id: testCaseId })} onKeyDown={onKeyDown}>
          <BugKeyField
            id={`${id}-key`}
            value={typed}
            error={error}
            hint={said.linkHint}
            inputRef={inputRef}
            onChange={(v) => {
              setTyped(v);
              setFound(null);
            }}
            onEnter={() => void find()}
          >
            <Button busy={busy && !found} busyLabel={said.finding} onClick={() => void find()}>
              {said.find}
            </Button>
          </BugKeyField>
          <div ref={confirmRef} aria-live="polite">
            {found && key && (
              <div className="found-issue">
                {found.issue && (
                  <p className="found-issue-head">
                    <span className="mono">{found.issue.key}</span> <span className="case-title">{found.issue.summary}</span>{' '}
                    {found.issue.status && <Lozenge tone={CATEGORY_TONE[found.issue.statusCategory ?? ''] ?? 'default'}>{found.issue.status}</Lozenge>}
                  </p>
                )}
                {found.doubt && <p className="found-issue-doubt">{found.doubt}</p>}
                <Button appearance={found.doubt ? 'default' : 'primary'} busy={busy} onClick={() => void add(key)}>
                  {(found.doubt ? said.linkAnyway : said.confirmLink)({ key })}
                </Button>
              </div>
            )}
          </div>
        </div>
      )}
    </>
  );
}

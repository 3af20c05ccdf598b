/**
 * The gadget's edit mode: the project (Jira projects mapped to a TestKase project the person can open)
 * and the scope (the project's versions, sprints and epics, as on the page). Save hands the choice to
 * Jira with view.submit, which keeps it per gadget; Cancel leaves it as it was (view.close).
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import type { CoverageProjects, CoverageScope, CoverageScopeOptions } from '../../../src/shared/coverage';
import { api } from '../api';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import { Skeleton } from '../components/Spinner';
import { openSettings, type UiContext } from '../context';
import { ScopePicker, scopeName } from '../coverage/ScopePicker';
import { words } from '../../../src/shared/words/coverage';
import { ConnectionMessage } from '../panel/ConnectionMessage';
import { readGadgetConfig } from './config';

export function GadgetEdit({ ctx, configuration }: { ctx: UiContext; configuration: unknown }) {
  const saved = readGadgetConfig(configuration);
  const [projects, setProjects] = useState<CoverageProjects | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [project, setProject] = useState(saved?.jiraProjectKey ?? '');
  const [options, setOptions] = useState<Omit<CoverageScopeOptions, 'connection'> | null>(null);
  const [scope, setScope] = useState<CoverageScope>(saved?.scope ?? { kind: 'LINKED' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void api.listCoverageProjects().then((r) => (r.ok ? setProjects(r.data) : setFailed(r.error.message)));
  }, [attempt]);

  useEffect(() => {
    setOptions(null);
    if (!project) return;
    let live = true;
    void api.getCoverageScopes({ jiraProjectKey: project }).then((r) => {
      if (!live) return;
      if (r.ok) setOptions(r.data);
      else setFailed(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [project]);

  const w = words.coverage;
  if (failed) {
    return (
      <div className="gadget-edit">
        <Message tone="error" actions={<Button onClick={() => (setFailed(null), setAttempt((a) => a + 1))}>{words.common.tryAgain}</Button>}>
          <p>{failed}</p>
        </Message>
      </div>
    );
  }
  if (!projects) return <Skeleton label={words.common.loading} rows={3} />;
  if (projects.connection.kind !== 'READY') {
    return (
      <div className="gadget-edit">
        <ConnectionMessage connection={projects.connection} canOpenSettings onOpenSettings={() => void openSettings(ctx)} onRetry={() => setAttempt((a) => a + 1)} />
      </div>
    );
  }

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      await view.submit({ jiraProjectKey: project, scope, scopeName: scopeName(scope, options) });
    } catch {
      setSaveError(w.editSaveFailed);
      setSaving(false);
    }
  };

  return (
    <form
      className="gadget-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="gadget-edit-title">{w.editTitle}</h2>
      {projects.projects.length === 0 ? (
        <Message tone="info">
          <p>{w.editNoProjects}</p>
        </Message>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor="gadget-project">
            {w.editProject}
          </label>
          <select
            id="gadget-project"
            className="input"
            value={project}
            aria-describedby="gadget-project-hint"
            onChange={(e) => {
              setProject(e.target.value);
              setScope({ kind: 'LINKED' });
            }}
          >
            <option value="">{w.editChooseProject}</option>
            {projects.projects.map((p) => (
              <option key={p.jiraProjectKey} value={p.jiraProjectKey}>
                {w.editProjectOption(p)}
              </option>
            ))}
          </select>
          <p id="gadget-project-hint" className="field-hint">
            {w.editProjectHint}
          </p>
        </div>
      )}
      {project && <ScopePicker id="gadget-scope" value={scope} options={options} onChange={setScope} disabled={!options} />}
      {options && options.notes.length > 0 && (
        <Message tone="info">
          {options.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </Message>
      )}
      {saveError && (
        <Message tone="error">
          <p>{saveError}</p>
        </Message>
      )}
      <div className="form-actions">
        <Button type="submit" appearance="primary" disabled={!project || !options} busy={saving} busyLabel={words.common.saving}>
          {words.common.save}
        </Button>
        <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>
          {words.common.cancel}
        </Button>
      </div>
    </form>
  );
}

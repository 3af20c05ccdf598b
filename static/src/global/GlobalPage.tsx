/** The global page: each user saves, replaces or deletes their own TestKase Personal Access Token. */
import { useEffect, useState } from 'react';
import { router, view } from '@forge/bridge';
import type { AppState } from '../../../src/shared/definitions';
import { api, initialState } from '../api';
import type { UiContext } from '../context';
import { returnToIssue } from './return-to';
import { Button } from '../components/Button';
import { Loaded } from '../components/Loaded';
import { Message } from '../components/Message';
import { useLoad } from '../load';
import { NoticeView, type Notice } from '../panel/NoticeView';
import { IdentityWarning } from './IdentityWarning';
import { TokenDetails } from './TokenDetails';
import { TokenForm } from './TokenForm';

export default function GlobalPage({ ctx, now = () => new Date() }: { ctx: UiContext; now?: () => Date }) {
  const settings = useLoad(api.getState, [], { firstFetch: initialState });
  const [replacing, setReplacing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const returnTo = useReturnTo();

  const save = async (token: string) => {
    setSaving(true);
    setNotice(null);
    setFieldError(null);
    const r = await api.savePat({ token });
    setSaving(false);
    if (r.ok) {
      settings.update(() => r.data);
      setReplacing(false);
      const who = r.data.token?.testkaseUser?.name;
      setNotice({ tone: 'success', text: who ? `Connected to TestKase as ${who}.` : 'Saved and connected to TestKase.' });
      return;
    }
    if (r.error.code === 'VALIDATION' && r.error.field === 'token') setFieldError(r.error.message);
    else setNotice({ tone: 'error', text: r.error.message });
  };

  const startReplacing = () => {
    setNotice(null);
    setFieldError(null);
    setReplacing(true);
  };

  const remove = async () => {
    setDeleting(true);
    setNotice(null);
    const r = await api.deletePat();
    setDeleting(false);
    if (r.ok) {
      settings.update(() => r.data);
      setReplacing(false);
      setNotice({ tone: 'success', text: 'Your token was deleted from Jira. Delete it in TestKase too if you no longer use it.' });
    } else {
      setNotice({ tone: 'error', text: r.error.message });
    }
  };

  return (
    <main className="app global-page">
      <h1 className="page-title">TestKase for Jira</h1>
      <Help />
      <NoticeView notice={notice} />
      <Loaded
        state={settings.state}
        loadingLabel="Loading your TestKase settings…"
        errorTitle="Your TestKase settings could not be loaded"
        onRetry={() => void settings.reload()}
      >
        {body}
      </Loaded>
    </main>
  );

  function body({ token, config }: AppState) {
    // The page re-checks the token with TestKase each time it opens: a token TestKase no longer
    // accepts is shown as such, with the one thing to do, never as healthy.
    const problem = token && config.kind !== 'READY' ? config.message : null;
    return (
      <>
        {config.kind === 'NO_CONFIG' && config.removedByAdmin && (
          <Message tone="warning" title={config.message.title}>
            <p>{config.message.text}</p>
          </Message>
        )}
        {problem && (
          <Message
            tone={config.kind === 'PAT_SAVED' && config.reason === 'TOKEN_REJECTED' ? 'error' : 'warning'}
            title={problem.title}
            actions={
              config.kind === 'PAT_SAVED' && config.reason === 'TOKEN_REJECTED' && !replacing ? (
                <Button appearance="primary" onClick={() => setReplacing(true)}>
                  Replace the token
                </Button>
              ) : null
            }
          >
            <p>{problem.text}</p>
          </Message>
        )}
        {token && <IdentityWarning token={token} replacing={replacing} onReplace={startReplacing} />}
        {returnTo && config.kind === 'READY' && token && (
          <div className="back-to-issue">
            <Button appearance="primary" onClick={() => void router.navigate({ target: 'issue', issueKey: returnTo })}>
              Back to {returnTo}
            </Button>
          </div>
        )}
        {token && (
          <TokenDetails
            token={token}
            rejected={problem !== null}
            timeZone={ctx.timezone}
            locale={ctx.locale}
            now={now()}
            deleting={deleting}
            onReplace={startReplacing}
            onDelete={remove}
          />
        )}
        {(!token || replacing) && (
          <TokenForm
            saving={saving}
            fieldError={fieldError}
            onSave={save}
            replacing={replacing}
            onCancel={() => {
              setReplacing(false);
              setFieldError(null);
            }}
          />
        )}
      </>
    );
  }
}

/** The issue the panel sent the person here from (`?returnTo=DEMO-1`), read through Forge's history of this page. */
function useReturnTo(): string | null {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    view
      .createHistory()
      .then((h) => {
        if (live) setKey(returnToIssue(h.location.search));
      })
      .catch(() => undefined); // a host without history: no way back offered, nothing else changes
    return () => {
      live = false;
    };
  }, []);
  return key;
}

function Help() {
  return (
    <div className="help">
      <p>Connect Jira to TestKase with your own Personal Access Token to see and run test cases from Jira issues.</p>
      <ul>
        <li>
          Create a token in TestKase under <strong>Settings → API Keys</strong> and paste it below.
        </li>
        <li>Each Jira user saves their own token; what you can do follows your TestKase role. Only you can use your token.</li>
        <li>
          Which TestKase project belongs to which Jira project is set by a TestKase admin in <strong>Settings → Jira Integration</strong>.
        </li>
      </ul>
    </div>
  );
}

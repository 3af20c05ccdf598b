/** The global page: each user saves, replaces or deletes their own TestKase Personal Access Token. */
import { useEffect, useState } from 'react';
import { router, view } from '@forge/bridge';
import type { AppState } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/settings';
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
      setNotice({ tone: 'success', text: who ? words.settings.connectedAs({ name: who }) : words.settings.connected });
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
      setNotice({ tone: 'success', text: words.settings.deleted });
    } else {
      setNotice({ tone: 'error', text: r.error.message });
    }
  };

  return (
    <main className="app global-page">
      <h1 className="page-title">{words.settings.title}</h1>
      <Help />
      <NoticeView notice={notice} />
      <Loaded
        state={settings.state}
        loadingLabel={words.settings.loading}
        errorTitle={words.settings.loadFailed}
        onRetry={() => void settings.reload()}
      >
        {body}
      </Loaded>
    </main>
  );

  function body({ token, connection }: AppState) {
    // The page re-checks the token with TestKase each time it opens: a token TestKase no longer
    // accepts is shown as such, with the one thing to do, never as healthy.
    const problem = token && connection.kind !== 'READY' ? connection.message : null;
    const rejected = connection.kind === 'PAT_SAVED' && connection.reason === 'TOKEN_REJECTED';
    return (
      <>
        {connection.kind === 'NO_CONFIG' && connection.removedByAdmin && (
          <Message tone="warning" title={connection.message.title}>
            <p>{connection.message.text}</p>
          </Message>
        )}
        {problem && (
          <Message
            tone={rejected ? 'error' : 'warning'}
            title={problem.title}
            actions={
              rejected && !replacing ? (
                <Button appearance="primary" onClick={() => setReplacing(true)}>
                  {words.settings.replaceToken}
                </Button>
              ) : null
            }
          >
            <p>{problem.text}</p>
          </Message>
        )}
        {token && <IdentityWarning token={token} replacing={replacing} onReplace={startReplacing} />}
        {returnTo && connection.kind === 'READY' && token && (
          <div className="back-to-issue">
            <Button appearance="primary" onClick={() => void router.navigate({ target: 'issue', issueKey: returnTo })}>
              {words.settings.backTo({ issueKey: returnTo })}
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
  const said = words.settings;
  return (
    <div className="help">
      <p>{said.help}</p>
      <ul>
        <li>{said.helpCreate({ place: <strong key="place">{said.apiKeys}</strong> })}</li>
        <li>{said.helpOwn}</li>
        <li>{said.helpMapping({ place: <strong key="place">{said.jiraIntegration}</strong> })}</li>
      </ul>
    </div>
  );
}

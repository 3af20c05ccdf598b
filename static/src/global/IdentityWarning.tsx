/**
 * The warning that the saved token belongs to another TestKase user than the person signed in to Jira
 * (checkIdentity, asked again whenever another token is saved), with a way to replace it. Nothing is
 * shown when they match, when it cannot be told, or when the check fails: a false warning is worse.
 */
import { useEffect, useState } from 'react';
import type { IdentityCheck, TokenSummary } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/settings';
import { api } from '../api';
import { Button } from '../components/Button';
import { Message } from '../components/Message';

export function IdentityWarning({ token, replacing, onReplace }: { token: TokenSummary; replacing: boolean; onReplace: () => void }) {
  const [check, setCheck] = useState<IdentityCheck | null>(null);
  const saved = `${token.preview}|${token.savedAt}`;
  useEffect(() => {
    let live = true;
    setCheck(null);
    void api.checkIdentity().then((r) => {
      if (live) setCheck(r.ok ? r.data : null);
    });
    return () => {
      live = false;
    };
  }, [saved]);

  if (check?.kind !== 'MISMATCH') return null;
  return (
    <Message
      tone="warning"
      title={check.message.title}
      actions={
        replacing ? null : (
          <Button appearance="primary" onClick={onReplace}>
            {words.settings.replaceWithOwn}
          </Button>
        )
      }
    >
      <p>{check.message.text}</p>
    </Message>
  );
}

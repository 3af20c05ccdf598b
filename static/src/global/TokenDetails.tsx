import { useState } from 'react';
import type { TokenSummary } from '../../../src/shared/definitions';
import { Button } from '../components/Button';
import { DateTime, ZoneNote } from '../components/DateTime';
import { Lozenge } from '../components/Lozenge';
import { Message } from '../components/Message';
import { daysUntil, EXPIRY_WARNING_DAYS } from '../format';

/** What is known about the saved token (never the token), with Replace and a two-step Delete. */
export function TokenDetails({
  token,
  rejected = false,
  timeZone,
  locale,
  now,
  deleting,
  onReplace,
  onDelete,
}: {
  token: TokenSummary;
  /** TestKase does not accept it (any more): nothing here may look healthy. */
  rejected?: boolean;
  timeZone: string;
  locale: string;
  now: Date;
  deleting: boolean;
  onReplace: () => void;
  onDelete: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const days = token.expiresAt ? daysUntil(token.expiresAt, now) : null;
  const date = (iso: string) => <DateTime iso={iso} timeZone={timeZone} locale={locale} />;

  return (
    <div className="card token-details">
      <h2 className="subheading">Your saved token</h2>
      <ZoneNote timeZone={timeZone} locale={locale} />
      <dl className="details">
        <dt>Token</dt>
        <dd className="mono">{token.preview}</dd>
        <dt>Status</dt>
        <dd>{rejected ? <Lozenge tone="danger">Not working</Lozenge> : <Lozenge tone="success">Working</Lozenge>}</dd>
        <dt>TestKase user</dt>
        <dd>{token.testkaseUser ? token.testkaseUser.name : <span className="muted">Unknown</span>}</dd>
        <dt>Token name</dt>
        <dd>{token.tokenName ?? <span className="muted">—</span>}</dd>
        <dt>Saved</dt>
        <dd>{date(token.savedAt)}</dd>
        <dt>{rejected ? 'Last accepted by TestKase' : 'Last validated'}</dt>
        <dd>{token.lastValidatedAt ? date(token.lastValidatedAt) : <span className="muted">Not yet</span>}</dd>
        <dt>Expires</dt>
        <dd>{token.expiresAt ? date(token.expiresAt) : <span className="muted">Never</span>}</dd>
      </dl>
      {!rejected && days !== null && days <= EXPIRY_WARNING_DAYS && (
        <Message tone="warning" title={expiryTitle(days)}>
          <p>
            To rotate it without interruption: create a new token in TestKase first, replace this one here, then delete the old token in
            TestKase.
          </p>
        </Message>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p>Delete the saved token? The TestKase panel will stop working for you until you save a new one.</p>
          <div className="form-actions">
            <Button
              appearance="danger"
              busy={deleting}
              busyLabel="Deleting…"
              onClick={() => {
                void onDelete().then(() => setConfirming(false));
              }}
            >
              Delete token
            </Button>
            <Button appearance="subtle" disabled={deleting} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button onClick={onReplace}>Replace</Button>
          <Button appearance="subtle" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}
    </div>
  );
}

function expiryTitle(days: number): string {
  if (days < 0) return 'This token has expired';
  if (days === 0) return 'This token expires today';
  return `This token expires in ${days} ${days === 1 ? 'day' : 'days'}`;
}

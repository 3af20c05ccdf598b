import { useState } from 'react';
import type { TokenSummary } from '../../../src/shared/definitions';
import { EXPIRY_WARNING_DAYS } from '../../../src/shared/facts';
import { daysUntil } from '../../../src/shared/format';
import { words } from '../../../src/shared/words/settings';
import { Button } from '../components/Button';
import { DateTime, ZoneNote } from '../components/DateTime';
import { Lozenge } from '../components/Lozenge';
import { Message } from '../components/Message';

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
  const said = words.settings;
  const muted = (text: string) => <span className="muted">{text}</span>;

  return (
    <div className="card token-details">
      <h2 className="subheading">{said.saved}</h2>
      <ZoneNote timeZone={timeZone} locale={locale} />
      <dl className="details">
        <dt>{said.token}</dt>
        <dd className="mono">{token.preview}</dd>
        <dt>{said.status}</dt>
        <dd>{rejected ? <Lozenge tone="danger">{said.notWorking}</Lozenge> : <Lozenge tone="success">{said.working}</Lozenge>}</dd>
        <dt>{said.testkaseUser}</dt>
        <dd>{token.testkaseUser ? token.testkaseUser.name : muted(words.common.unknown)}</dd>
        <dt>{said.tokenName}</dt>
        <dd>{token.tokenName ?? muted(words.common.none)}</dd>
        <dt>{said.savedAt}</dt>
        <dd>{date(token.savedAt)}</dd>
        <dt>{rejected ? said.lastAccepted : said.lastValidated}</dt>
        <dd>{token.lastValidatedAt ? date(token.lastValidatedAt) : muted(words.common.notYet)}</dd>
        <dt>{said.expires}</dt>
        <dd>{token.expiresAt ? date(token.expiresAt) : muted(words.common.never)}</dd>
      </dl>
      {!rejected && days !== null && days <= EXPIRY_WARNING_DAYS && (
        <Message tone="warning" title={expiryTitle(days)}>
          <p>{said.rotate}</p>
        </Message>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-label={said.confirmDelete}>
          <p>{said.deleteQuestion}</p>
          <div className="form-actions">
            <Button
              appearance="danger"
              busy={deleting}
              busyLabel={words.common.deleting}
              onClick={() => {
                void onDelete().then(() => setConfirming(false));
              }}
            >
              {said.deleteToken}
            </Button>
            <Button appearance="subtle" disabled={deleting} onClick={() => setConfirming(false)}>
              {words.common.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button onClick={onReplace}>{words.common.replace}</Button>
          <Button appearance="subtle" onClick={() => setConfirming(true)}>
            {words.common.delete}
          </Button>
        </div>
      )}
    </div>
  );
}

function expiryTitle(days: number): string {
  if (days < 0) return words.settings.expired;
  if (days === 0) return words.settings.expiresToday;
  return words.settings.expiresIn({ days });
}

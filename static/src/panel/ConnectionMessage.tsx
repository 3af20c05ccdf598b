/**
 * What the panel shows until it is READY: the backend's message for the connection state (heading and
 * sentence, from the catalog: src/resolvers/state-messages.ts) and the action that is the next step.
 */
import type { ConnectionView } from '../../../src/shared/definitions';
import { stateTone } from '../../../src/shared/state-tone';
import { words } from '../../../src/shared/words/panel';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Message } from '../components/Message';

type NotReady = Exclude<ConnectionView, { kind: 'READY' }>;

/** The one step the person can take from here, by state. */
function nextStep(connection: NotReady): 'settings' | 'retry' | null {
  if (connection.kind === 'NO_CONFIG') return 'settings';
  // Only a Jira admin can resume it: the sentence says whom to ask.
  if (connection.kind === 'SUSPENDED') return null;
  switch (connection.reason) {
    case 'TOKEN_REJECTED':
      return 'settings';
    case 'RATE_LIMITED':
    case 'TESTKASE_UNAVAILABLE':
      return 'retry';
    case 'PROJECT_NOT_MAPPED':
    case 'MAPPING_LOST':
    case 'NO_PROJECT_ACCESS':
      return null; // a TestKase admin's step, which the sentence names
  }
}

export function ConnectionMessage({
  connection,
  canOpenSettings,
  onOpenSettings,
  onRetry,
  unsaved = [],
  timeZone,
  locale,
}: {
  connection: NotReady;
  canOpenSettings: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
  /** Test cases whose run form holds a result not saved yet (kept in this browser). */
  unsaved?: readonly string[];
  /** The user's Jira timezone and locale, for the date a suspension began. */
  timeZone?: string;
  locale?: string;
}) {
  const step = nextStep(connection);
  const tone = stateTone(connection);
  const action =
    step === 'settings' && canOpenSettings ? (
      <Button appearance="primary" onClick={onOpenSettings}>
        {words.panel.openSettings}
      </Button>
    ) : step === 'retry' ? (
      <Button onClick={onRetry}>{words.common.retry}</Button>
    ) : null;
  return (
    <Message tone={tone} title={connection.message.title} actions={action}>
      <p>{connection.message.text}</p>
      {unsaved.length > 0 && <p className="drafts-kept">{words.cases.draftsNotSaved({ ids: unsaved })}</p>}
      {connection.kind === 'SUSPENDED' && (
        <p className="muted small">{words.hold.since({ date: <DateTime key="since" iso={connection.since} timeZone={timeZone ?? 'UTC'} locale={locale} /> })}</p>
      )}
    </Message>
  );
}

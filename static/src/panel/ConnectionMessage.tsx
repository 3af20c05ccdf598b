/**
 * What the panel shows until it is READY: the backend's message for the connection state (heading and
 * sentence, from the catalog: src/resolvers/state-messages.ts) and the action that is the next step.
 */
import type { ConnectionView } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/panel';
import { Button } from '../components/Button';
import { Message } from '../components/Message';

type NotReady = Exclude<ConnectionView, { kind: 'READY' }>;

/** The one step the person can take from here, by state. */
function nextStep(connection: NotReady): 'settings' | 'retry' | null {
  if (connection.kind === 'NO_CONFIG') return 'settings';
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
}: {
  connection: NotReady;
  canOpenSettings: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
}) {
  const step = nextStep(connection);
  const tone = connection.kind === 'PAT_SAVED' && connection.reason === 'TOKEN_REJECTED' ? 'error' : 'warning';
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
    </Message>
  );
}

/**
 * What the panel shows until it is READY: the backend's message for the state (heading and sentence,
 * written once in src/resolvers/sentences.ts) and the action that is the next step.
 */
import type { ConfigState } from '../../../src/shared/definitions';
import { Button } from '../components/Button';
import { Message } from '../components/Message';

type NotReady = Exclude<ConfigState, { kind: 'READY' }>;

/** The one step the person can take from here, by state. */
function nextStep(config: NotReady): 'settings' | 'retry' | null {
  if (config.kind === 'NO_CONFIG') return 'settings';
  switch (config.reason) {
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

export function ConfigMessage({
  config,
  canOpenSettings,
  onOpenSettings,
  onRetry,
}: {
  config: NotReady;
  canOpenSettings: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
}) {
  const step = nextStep(config);
  const tone = config.kind === 'PAT_SAVED' && config.reason === 'TOKEN_REJECTED' ? 'error' : 'warning';
  const action =
    step === 'settings' && canOpenSettings ? (
      <Button appearance="primary" onClick={onOpenSettings}>
        Open TestKase settings
      </Button>
    ) : step === 'retry' ? (
      <Button onClick={onRetry}>Retry</Button>
    ) : null;
  return (
    <Message tone={tone} title={config.message.title} actions={action}>
      <p>{config.message.text}</p>
    </Message>
  );
}

/** What the panel shows until it is READY: one message per state, each with its next step. */
import type { ConfigState } from '../../../src/shared/definitions';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import { Skeleton } from '../components/Spinner';

type NotReady = Exclude<ConfigState, { kind: 'READY' }>;

export function ConfigMessage({
  config,
  projectKey,
  canOpenSettings,
  onOpenSettings,
  onRetry,
  stillChecking,
}: {
  config: NotReady;
  projectKey: string | null;
  canOpenSettings: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
  /** CHECKING did not settle after a few polls: offer a manual retry instead of spinning forever. */
  stillChecking: boolean;
}) {
  const project = projectKey ?? 'This Jira project';
  const settings = canOpenSettings ? (
    <Button appearance="primary" onClick={onOpenSettings}>
      Open TestKase settings
    </Button>
  ) : null;
  const retry = <Button onClick={onRetry}>Retry</Button>;

  if (config.kind === 'NO_CONFIG') {
    return (
      <Message tone="warning" title="Connect TestKase to see test cases here" actions={settings}>
        <p>Save your TestKase Personal Access Token on the TestKase settings page. Each Jira user connects with their own token.</p>
      </Message>
    );
  }
  switch (config.reason) {
    case 'CHECKING':
      return stillChecking ? (
        <Message tone="info" title="Still checking your TestKase token" actions={retry}>
          <p>TestKase is taking longer than usual to answer.</p>
        </Message>
      ) : (
        <Skeleton label="Checking your TestKase token…" />
      );
    case 'TOKEN_REJECTED':
      return (
        <Message tone="error" title="TestKase rejected your token" actions={settings}>
          <p>Your Personal Access Token may have been revoked or have expired. Create a new one in TestKase and enter it on the TestKase settings page.</p>
        </Message>
      );
    case 'PROJECT_NOT_MAPPED':
      return (
        <Message tone="warning" title="This Jira project is not connected to TestKase">
          <p>
            {project} is not connected to a TestKase project. Ask a TestKase admin to connect it in TestKase Settings → Jira Integration.
          </p>
        </Message>
      );
    case 'MAPPING_LOST':
      return (
        <Message tone="warning" title="The connection to TestKase was removed">
          <p>
            {project} was connected to a TestKase project, but that connection no longer exists. Ask a TestKase admin to connect it again in
            TestKase Settings → Jira Integration.
          </p>
        </Message>
      );
    case 'NO_PROJECT_ACCESS':
      return (
        <Message tone="warning" title="You are not a member of the TestKase project">
          <p>{project} is connected to a TestKase project your TestKase user cannot access. Ask a TestKase admin to add you to it.</p>
        </Message>
      );
    case 'RATE_LIMITED':
      return (
        <Message tone="warning" title="TestKase is busy" actions={retry}>
          <p>
            TestKase is receiving too many requests for your token. Wait {config.retryAfterSeconds ?? 'a few'} seconds and retry. Nothing was
            lost.
          </p>
        </Message>
      );
    case 'TESTKASE_UNAVAILABLE':
      return (
        <Message tone="warning" title="TestKase could not be reached" actions={retry}>
          <p>Nothing was lost. Try again in a moment.</p>
        </Message>
      );
  }
}

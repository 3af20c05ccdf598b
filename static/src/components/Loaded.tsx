import type { ReactNode } from 'react';
import type { Load } from '../load';
import { words } from '../../../src/shared/words/base';
import { Button } from './Button';
import { Message } from './Message';
import { Skeleton } from './Spinner';

/** What every fetched list or screen shows: a skeleton, the backend's sentence with Retry, or the data. */
export function Loaded<T>({
  state,
  loadingLabel,
  errorTitle,
  onRetry,
  children,
}: {
  state: Load<T>;
  /** Read out while the skeleton shows, e.g. "Loading test cycles…". */
  loadingLabel: string;
  /** Heads the error, e.g. "Test cycles could not be loaded"; the backend's sentence says why. */
  errorTitle: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Skeleton label={loadingLabel} />;
  if (state.status === 'error') {
    return (
      <Message tone="error" title={errorTitle} actions={<Button onClick={onRetry}>{words.common.retry}</Button>}>
        <p>{state.error.message}</p>
      </Message>
    );
  }
  return <>{children(state.data)}</>;
}

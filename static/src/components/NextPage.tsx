/** The end of a list TestKase hands out a page at a time (the next page is asked for on demand). */
import { words } from '../../../src/shared/words/base';
import { Button } from './Button';
import { Message } from './Message';

/** How asking for the next page went: not asked (or done), under way, or failed with a sentence. */
export type NextPageState = 'idle' | 'loading' | { error: string };

/** Why the last next page failed, if it did, and the button for the next one while TestKase holds more. */
export function NextPage({ state, hasMore, label, onNext }: { state: NextPageState; hasMore: boolean; label: string; onNext: () => void }) {
  return (
    <>
      {typeof state === 'object' && (
        <Message tone="error">
          <p>{state.error}</p>
        </Message>
      )}
      {hasMore && (
        <Button busy={state === 'loading'} busyLabel={words.common.loading} onClick={onNext}>
          {label}
        </Button>
      )}
    </>
  );
}

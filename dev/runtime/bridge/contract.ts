/**
 * The seam between an app's frame and the Jira host, as Atlassian publishes it: each bridge command
 * the local host answers, with what @forge/bridge and @forge/jira-bridge send it and what they expect
 * back, derived from the packages' own types (the public functions' signatures where the package
 * exports no type for the command). The frame's bridge (frame.ts) implements exactly this table, so an
 * answer with a field the published type does not have, or without one it has, does not compile.
 *
 * Where a package leaves a shape open (`FullContext.extension` is `{ [k: string]: any }`), the module
 * docs say what Jira sends; those shapes are in frames.ts, with their sources. docs/local-runtime.md
 * lists every seam and its source.
 */
import type { events, FullContext, invoke, realtime, router, view } from '@forge/bridge';
import type { CreateIssueModalOptions, ViewIssueModalOptions } from '@forge/jira-bridge/out/modal/types';

type InvokeArgs = Parameters<typeof invoke>;

/** `invoke(functionKey, payload, metadata)` sends `{ functionKey, payload, metadata }` (@forge/bridge out/invoke/invoke.js). */
interface InvokeCall {
  functionKey: InvokeArgs[0];
  payload?: InvokeArgs[1];
  metadata?: InvokeArgs[2];
}
/** The resolver's answer, or `{ body, metadata }` when metadata was asked for (InvokeResponse). */
export type InvokeAnswer = Awaited<ReturnType<typeof invoke>>;

/** `router.getUrl` / `navigate` / `open` locations (@forge/bridge out/router/types.d.ts, NavigationLocation). */
export type NavigationLocation = Parameters<typeof router.getUrl>[0];
/** `router.navigate/open` send the location (or `{ url }` for a string) with `type` (out/router/router.js). */
export type NavigateCall = (NavigationLocation | { url: string }) & { type: 'same-tab' | 'new-tab' };

/** `events.on` answers a Subscription; `emit` sends `{ event, payload }` (out/events/events.js). */
export type Subscription = Awaited<ReturnType<typeof events.on>>;
interface EmitCall {
  event: Parameters<typeof events.emit>[0];
  payload?: Parameters<typeof events.emit>[1];
}
interface OnCall {
  event: Parameters<typeof events.on>[0];
  callback: Parameters<typeof events.on>[1];
}

/**
 * @forge/jira-bridge's dialogs: `new CreateIssueModal({ context, onClose }).open()` sends
 * `{ data: { onClose, context } }` (out/modal/issue-create.js); `onClose` gets `{ payload: [{ issueId }] }`
 * (out/modal/types.d.ts): the ids of what was created, never their keys.
 */
export interface CreateIssueModalCall {
  data: { onClose: NonNullable<CreateIssueModalOptions['onClose']>; context: NonNullable<CreateIssueModalOptions['context']> };
}
export type CreateIssueModalClosed = Parameters<NonNullable<CreateIssueModalOptions['onClose']>>[0];
/** `new ViewIssueModal({ context: { issueKey }, onClose })`: `onClose` gets nothing (out/modal/types.d.ts). */
export interface ViewIssueModalCall {
  data: { onClose: NonNullable<ViewIssueModalOptions['onClose']>; context: ViewIssueModalOptions['context'] };
}

type Subscribe = typeof realtime.subscribe;
type Publish = typeof realtime.publish;
/**
 * `realtime.subscribe(channel, callback, options)` sends `{ channelName, onEvent, options }`, and
 * `subscribeGlobal` adds `isGlobal: true` (out/realtime/realtime.js); the answer is a Subscription.
 */
export interface RealtimeSubscribeCall {
  channelName: Parameters<Subscribe>[0];
  onEvent: Parameters<Subscribe>[1];
  options?: Parameters<Subscribe>[2];
  isGlobal?: true;
}
/** `realtime.publish(channel, payload, options)` sends `{ channelName, eventPayload, options }` (+ `isGlobal`); answers a PublishResult. */
interface RealtimePublishCall {
  channelName: Parameters<Publish>[0];
  eventPayload: Parameters<Publish>[1];
  options?: Parameters<Publish>[2];
  isGlobal?: true;
}
type RealtimeSubscription = Awaited<ReturnType<Subscribe>>;
type RealtimePublished = Awaited<ReturnType<Publish>>;

/**
 * `view.createHistory()` is typed as the `history` package's History, which @forge/bridge does not
 * install (its type is unresolved here): the local history is typed by the methods the global page uses.
 */
export interface LocalHistory {
  action: 'POP' | 'PUSH' | 'REPLACE';
  location: { pathname: string; search: string; hash: string; state: unknown; key: string };
  readonly length: number;
  push(path: string | Partial<LocalHistory['location']>, state?: unknown): void;
  replace(path: string | Partial<LocalHistory['location']>, state?: unknown): void;
  go(delta: number): void;
  back(): void;
  forward(): void;
  listen(listener: (location: LocalHistory['location'], action: LocalHistory['action']) => void): () => void;
  block(): () => void;
  createHref(path: string | Partial<LocalHistory['location']>): string;
}

/** Every command a Custom UI frame's bridge answers on the local host, and its answer. */
export interface BridgeCommands {
  invoke(call: InvokeCall): Promise<InvokeAnswer>;
  getContext(): FullContext;
  /** `view.theme.enable()`. */
  enableTheming(): void;
  navigate(call: NavigateCall): void;
  /** `router.getUrl` parses the answer with `new URL(answer)`. */
  getUrl(location: NavigationLocation): string;
  reload(): void;
  refresh(payload?: Parameters<typeof view.refresh>[0]): void;
  getFrameId(): string;
  createHistory(): LocalHistory;
  changeWindowTitle(title: Parameters<typeof view.changeWindowTitle>[0]): void;
  emitReadyEvent(): void;
  emit(call: EmitCall): void;
  on(call: OnCall): Subscription;
  openIssueCreateModal(call: CreateIssueModalCall): boolean;
  openIssueViewModal(call: ViewIssueModalCall): boolean;
  /** Forge Realtime (@forge/bridge `realtime`): the host's service is dev/runtime/realtime.ts. */
  subscribeRealtimeChannel(call: RealtimeSubscribeCall): Promise<RealtimeSubscription>;
  publishRealtimeChannel(call: RealtimePublishCall): Promise<RealtimePublished>;
}

/** The commands of a dashboard gadget's edit view on top: `view.submit` saves the configuration, `view.close` leaves. */
export interface GadgetEditCommands {
  submit(payload?: Parameters<typeof view.submit>[0]): Promise<void>;
  close(payload?: Parameters<typeof view.close>[0]): void;
}

/** The commands of a UI Kit frame (`render: native`) on top: @forge/react's reconciler sends the ForgeDoc. */
export interface NativeUiCommands {
  reconcile(call: { forgeDoc: unknown }): void;
  onError(call: { error: unknown }): void;
}

/**
 * The handlers of a command table: each answers exactly the published type (a command the host answers
 * asynchronously says so in the table with a Promise), so an object literal with a field more fails.
 */
export type HandlerTable<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };

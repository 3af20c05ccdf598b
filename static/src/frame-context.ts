/**
 * The frame's Forge context, asked once: the entry asks it beside the first getState (to know the
 * module and the issue), the app reuses the same answer (`view.getContext()` is a host round trip each
 * time). Its own small module: the entry imports nothing else of context.ts.
 */
import { view } from '@forge/bridge';

let asked: Promise<unknown> | null = null;

export function frameContext(): Promise<unknown> {
  asked ??= view.getContext();
  return asked;
}

/**
 * The ForgeDoc as it crosses from the UI Kit frame to the host page: @forge/react's tree
 * (`{ type, key, props, children }`, text as `String` nodes), with every function prop replaced by a
 * handler reference the host sends back when a person uses the component — what Forge's bridge does
 * with the functions in the tree. The host validates it before rendering anything.
 */
import { z } from 'zod';

/** A function prop, as the frame's bridge serialises it (the frame keeps the function under this id). */
export const HandlerRef = z.strictObject({ $$forgeHandler: z.string().min(1).max(100) });
export type HandlerRef = z.infer<typeof HandlerRef>;

export interface ForgeDoc {
  type: string;
  key?: string | undefined;
  props: Record<string, unknown>;
  children: ForgeDoc[];
}

const MAX_DEPTH = 64;
const MAX_NODES = 5_000;

const ForgeDocSchema: z.ZodType<ForgeDoc> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(100),
    key: z.string().max(200).optional(),
    props: z.record(z.string(), z.unknown()).default({}),
    children: z.array(ForgeDocSchema).default([]),
  }),
);

/** The tree, or why it cannot be rendered (too deep or too large to be a summary someone reads). */
export function parseForgeDoc(value: unknown): { ok: true; doc: ForgeDoc } | { ok: false; reason: string } {
  const parsed = ForgeDocSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `the ForgeDoc is malformed: ${parsed.error.issues[0]?.message ?? 'unknown problem'}` };
  let nodes = 0;
  const walk = (node: ForgeDoc, depth: number): string | null => {
    if (depth > MAX_DEPTH) return `the ForgeDoc is deeper than ${MAX_DEPTH} levels`;
    if (++nodes > MAX_NODES) return `the ForgeDoc has more than ${MAX_NODES} nodes`;
    for (const child of node.children) {
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const problem = walk(parsed.data, 0);
  return problem ? { ok: false, reason: problem } : { ok: true, doc: parsed.data };
}

export function isHandlerRef(value: unknown): value is HandlerRef {
  return HandlerRef.safeParse(value).success;
}

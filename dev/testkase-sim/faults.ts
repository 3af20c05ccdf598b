/**
 * Run-time fault injection and per-token rate limiting: what the app must survive, switched on
 * and off while the simulator runs (tests, the benchmark, people via the CLI).
 */
import { z } from 'zod';

export const FaultRule = z.strictObject({
  /** A contract route name (e.g. `testCases`, `whoAmI`) or `*` for every API route. */
  route: z.string().min(1).max(60).default('*'),
  /** Added delay in ms, plus a uniformly random 0…jitterMs. */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  jitterMs: z.number().int().min(0).max(120_000).optional(),
  /** Answer with this HTTP status and a JSON error body instead of the real answer. */
  status: z.number().int().min(400).max(599).optional(),
  /** With status 429 (or 503): the Retry-After header, in seconds. */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  /** Never answer (until the client gives up or the simulator stops). */
  hang: z.boolean().optional(),
  /** Answer 200 with a truncated JSON body. */
  malformed: z.boolean().optional(),
  /** Destroy the connection without an answer. */
  drop: z.boolean().optional(),
  /** Fire this many times, then disappear; unlimited when omitted. */
  times: z.number().int().positive().max(1_000_000).optional(),
});
export type FaultRuleInput = z.input<typeof FaultRule>;
type FaultRuleSpec = z.output<typeof FaultRule>;
export type Fault = FaultRuleSpec & { id: string; fired: number };

/** What the server must do for one request, decided before the route runs. */
export interface FaultPlan {
  delayMs: number;
  outcome: { kind: 'status'; status: number; retryAfterSeconds?: number } | { kind: 'hang' } | { kind: 'malformed' } | { kind: 'drop' } | null;
}

export class Faults {
  private rules: Fault[] = [];
  private next = 1;

  add(input: FaultRuleInput): Fault {
    const spec = FaultRule.parse(input);
    const terminal = [spec.status !== undefined, spec.hang, spec.malformed, spec.drop].filter(Boolean).length;
    if (terminal > 1) throw new Error('A fault rule can do one of status, hang, malformed or drop.');
    if (terminal === 0 && spec.latencyMs === undefined && spec.jitterMs === undefined) {
      throw new Error('A fault rule needs latencyMs/jitterMs, status, hang, malformed or drop.');
    }
    const fault: Fault = { ...spec, id: `fault_${this.next++}`, fired: 0 };
    this.rules.push(fault);
    return fault;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Fault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Latency of every matching rule adds up; the first matching terminal rule decides the outcome. */
  plan(route: string, random: () => number = Math.random): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, outcome: null };
    for (const rule of [...this.rules]) {
      if (rule.route !== '*' && rule.route !== route) continue;
      const terminal = rule.status !== undefined || rule.hang || rule.malformed || rule.drop;
      if (terminal && plan.outcome) continue;
      plan.delayMs += (rule.latencyMs ?? 0) + Math.round(random() * (rule.jitterMs ?? 0));
      if (rule.status !== undefined) plan.outcome = { kind: 'status', status: rule.status, ...(rule.retryAfterSeconds !== undefined ? { retryAfterSeconds: rule.retryAfterSeconds } : {}) };
      else if (rule.hang) plan.outcome = { kind: 'hang' };
      else if (rule.malformed) plan.outcome = { kind: 'malformed' };
      else if (rule.drop) plan.outcome = { kind: 'drop' };
      rule.fired += 1;
      if (rule.times !== undefined && rule.fired >= rule.times) this.remove(rule.id);
    }
    return plan;
  }
}

export const RateLimit = z.strictObject({
  /** Requests allowed per token per window; 0 disables the limit. */
  limit: z.number().int().min(0).max(1_000_000),
  windowSeconds: z.number().int().positive().max(3600),
});
export type RateLimit = z.infer<typeof RateLimit>;

/** Fixed window per token, as a per-token limit is documented; Retry-After is the time left in the window. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    public config: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Returns null when allowed, or the seconds to wait. */
  take(tokenId: string): number | null {
    if (this.config.limit === 0) return null;
    const now = this.now();
    const windowMs = this.config.windowSeconds * 1000;
    let w = this.windows.get(tokenId);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(tokenId, w);
    }
    if (w.count >= this.config.limit) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    w.count += 1;
    return null;
  }

  reset(): void {
    this.windows.clear();
  }
}

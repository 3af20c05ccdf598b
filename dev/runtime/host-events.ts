/** What the host observed, for tests and the log: CSP violations, unsupported bridge commands, invokes. */
export interface CspViolation {
  session: string | null;
  moduleKey: string | null;
  directive: string;
  blockedURI: string;
  sourceFile?: string;
  via: 'report-uri' | 'bridge';
}

export interface HostEvents {
  cspViolations: CspViolation[];
  unknownCommands: Array<{ session: string; command: string }>;
  /** `bytes`: the size of the answer the frame received (Forge caps it at 5 MB). */
  invokes: Array<{ session: string; accountId: string; moduleKey: string; functionKey: string; ok: boolean; ms: number; bytes: number }>;
}

/**
 * Forge's platform limits, each written once, with where Atlassian states it. The backend keeps to them
 * and the local Forge runtime (dev/forge/) enforces the same numbers, so a test sees what the platform does.
 * Add the other platform limits here (storage value size, read and write units, …) rather than beside the
 * code that meets them.
 */
export const FORGE_LIMITS = {
  /**
   * A function's answer to an invocation, counted as the JSON it returns, in UTF-8 bytes ("5 MB",
   * developer.atlassian.com/platform/forge/limits-invocation): a larger one reaches the UI as Forge's
   * opaque "There was an error invoking the function". The backend fits every answer under it in one
   * place (resolvers/answer-size.ts).
   */
  invokeAnswerBytes: 5_242_880,
  /** How long a resolver invocation may run before Forge stops it (same page). */
  invocationMs: 25_000,
} as const;

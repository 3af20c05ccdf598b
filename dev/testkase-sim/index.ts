/** The TestKase simulator: library entry (tests, the local runtime and the benchmark start it in-process). */
export { startSimulator, API_PREFIX, type Simulator, type SimulatorOptions } from './server';
export type { SimAdmin, RequestLogEntry, CreatedToken, TokenListing } from './admin';
export type { Fault, FaultRuleInput, RateLimit } from './faults';
export { EXPIRY_DAYS } from './tokens';

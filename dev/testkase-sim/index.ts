/** The TestKase simulator: library entry (tests, the local runtime and the benchmark start it in-process). */
export { startSimulator, type Simulator, type SimulatorOptions } from './server';
export type { CreatedToken, RequestLogEntry } from './admin';

export type { FaultRuleInput } from './faults';
export { EXPIRY_DAYS } from './tokens';

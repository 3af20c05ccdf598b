/**
 * The simulator's whole world as one JSON-serialisable value, so it can be persisted atomically
 * and reseeded. Ids are per project, as TestKase numbers them (`TC-1`, `TCYCLE-1` in every project).
 */
import { z } from 'zod';
import { Cycle, ExecutionStatus, ProjectRole, TestCaseDetail } from '../../src/testkase/contract';

const Iso = z.string();

export const SimUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** TestKase project id → role. */
  memberships: z.record(z.string(), ProjectRole),
  deleted: z.boolean().default(false),
});
export type SimUser = z.infer<typeof SimUser>;

const SimProject = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  nextCase: z.number().int(),
  nextCycle: z.number().int(),
});

export const SimToken = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** sha256 of the token: the token itself is never stored. */
  hash: z.string(),
  preview: z.string(),
  createdAt: Iso,
  expiresAt: Iso,
  revokedAt: Iso.nullable(),
});
export type SimToken = z.infer<typeof SimToken>;

const SimMapping = z.object({ jiraProjectKey: z.string(), projectId: z.string() });

const SimStep = z.object({ order: z.number().int(), action: z.string(), expectedResult: z.string() });

/** A record TestKase keeps in one project: its id there, `fields`, and when it was created and last changed. */
const projectRecord = <S extends z.ZodRawShape>(fields: S) => z.object({ projectId: z.string(), id: z.string(), ...fields, createdAt: Iso, updatedAt: Iso });

/** A test case as TestKase stores it: the contract's own fields, with its owner and steps by reference. */
export const SimTestCase = projectRecord({
  ...TestCaseDetail.pick({ title: true, description: true, priority: true, type: true, status: true, automationId: true }).shape,
  ownerId: z.string().nullable(),
  preconditions: TestCaseDetail.shape.preconditions,
  steps: z.array(SimStep),
  jiraIssueKeys: TestCaseDetail.shape.jiraIssueKeys,
});
export type SimTestCase = z.infer<typeof SimTestCase>;

/** A cycle as TestKase stores it: the contract's own fields (its counts are derived). */
export const SimCycle = projectRecord(Cycle.pick({ name: true, description: true, environment: true, isMaster: true }).shape);
export type SimCycle = z.infer<typeof SimCycle>;

/** A test case belongs to a cycle. */
export const SimMember = z.object({
  id: z.string(),
  projectId: z.string(),
  cycleId: z.string(),
  testCaseId: z.string(),
  addedAt: Iso,
});
export type SimMember = z.infer<typeof SimMember>;

/** One recorded result: never changed afterwards, except for defects added to it. */
export const SimRun = z.object({
  id: z.string(),
  projectId: z.string(),
  cycleId: z.string(),
  testCaseId: z.string(),
  status: ExecutionStatus,
  comment: z.string().nullable(),
  defects: z.array(z.string()),
  stepResults: z.array(z.object({ order: z.number().int(), status: ExecutionStatus, actualResult: z.string().nullable() })),
  recordedBy: z.string(),
  recordedAt: Iso,
  /** Global order of recording, so "latest" needs no clock ties. */
  seq: z.number().int(),
});
export type SimRun = z.infer<typeof SimRun>;

/** A result's idempotency key (A31), kept for a day per user and project: a repeat answers this run. */
const SimIdempotency = z.object({ key: z.string(), userId: z.string(), projectId: z.string(), runId: z.string(), at: Iso });

export const SimState = z.object({
  version: z.literal(2),
  org: z.object({ id: z.string(), name: z.string() }),
  counters: z.object({ token: z.number().int(), member: z.number().int(), run: z.number().int(), seq: z.number().int() }),
  users: z.array(SimUser),
  projects: z.array(SimProject),
  mappings: z.array(SimMapping),
  tokens: z.array(SimToken),
  testCases: z.array(SimTestCase),
  cycles: z.array(SimCycle),
  members: z.array(SimMember),
  runs: z.array(SimRun),
  /** Older state files have none. */
  idempotency: z.array(SimIdempotency).default([]),
});
export type SimState = z.infer<typeof SimState>;

/** `TC-12` → 12, for numeric ordering. */
const idNumber = (id: string): number => Number(id.slice(id.lastIndexOf('-') + 1));
export const byId = <T extends { id: string }>(a: T, b: T): number => idNumber(a.id) - idNumber(b.id);

/**
 * The Forge function behind both Custom UI modules (manifest: function `resolver`, handler
 * `index.handler`). Typed against the Definitions the frontend's makeInvoke uses; only these
 * functions can be called (see resolvers/dispatch.ts).
 */
import { makeResolver } from '@forge/resolver';
import type { Definitions } from './shared/definitions';
import { configResolvers } from './resolvers/config';
import { testCaseResolvers } from './resolvers/test-cases';
import { testCycleResolvers } from './resolvers/test-cycles';
import { ownFunctionsOnly } from './resolvers/dispatch';

const functions = {
  ...configResolvers,
  ...testCaseResolvers,
  ...testCycleResolvers,
};

export const handler = ownFunctionsOnly(functions, makeResolver<Definitions>(functions));

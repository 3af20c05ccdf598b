/**
 * The Forge function behind both Custom UI modules (manifest: function `resolver`, handler
 * `index.handler`). Typed against the Definitions the frontend's makeInvoke uses.
 */
import { makeResolver } from '@forge/resolver';
import type { Definitions } from './shared/definitions';
import { configResolvers } from './resolvers/config';
import { testCaseResolvers } from './resolvers/test-cases';
import { testCycleResolvers } from './resolvers/test-cycles';

export const handler = makeResolver<Definitions>({
  ...configResolvers,
  ...testCaseResolvers,
  ...testCycleResolvers,
});

/** Forge storage refusing or failing a call, told apart from the app's own errors. */
import { ForgeKvsError } from '@forge/kvs';

export const isStorageFailure = (e: unknown): boolean => e instanceof ForgeKvsError;

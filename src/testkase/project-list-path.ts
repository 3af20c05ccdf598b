/**
 * Which of the two documented paths of the project list a TestKase answers on, remembered per base
 * URL for the life of the function instance: the first validation pays for a 404 at most once, and
 * the path in use is logged once (and again only if TestKase changes it).
 */
import { endpoints } from './contract';
import { pathsOf } from './endpoint';
import { log } from '../log';

const PATHS = pathsOf(endpoints.userProjects);
const answering = new Map<string, string>();

/** The paths to try, in order: the one that answered last time first. */
export function projectListPaths(baseUrl: string): string[] {
  const known = answering.get(baseUrl);
  return known ? [known, ...PATHS.filter((p) => p !== known)] : [...PATHS];
}

export function projectListAnswered(baseUrl: string, path: string): void {
  if (answering.get(baseUrl) === path) return;
  answering.set(baseUrl, path);
  log.info(`TestKase at ${baseUrl} lists the user's projects at GET ${path}`);
}

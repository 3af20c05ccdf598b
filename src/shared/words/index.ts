/**
 * The app's one catalog of words, in US English: every sentence and label a person reads, in the
 * backend's answers, the Custom UI's panel, settings page and admin page, and the UI Kit glance. Each
 * entry is one whole sentence or label: a string, or a function of named parameters that returns it
 * (plurals and fallbacks decided inside it; an entry that places something the UI renders itself —
 * a name in bold — takes it as a parameter and returns the sentence's `Parts` in order). Nothing
 * outside the catalog builds a sentence from pieces.
 *
 * The catalog is cut into parts along the bundles' lines, so a module loads only the words it shows:
 * base.ts (every module), backend.ts (the backend only), the issue panel's panel.ts (first screen),
 * test-case.ts, cycles.ts and run.ts (each loaded with the view that shows it), settings.ts, admin.ts,
 * glance.ts, coverage.ts (the coverage page and gadget, and the backend's words about them) and kept.ts (the kept
 * copy and live updates, in the panel and the glance).
 * Each part exports `words`, its groups with the base ones; code imports the part of its module and
 * reads `words.…` when it renders or answers, never into a constant at import time. A locale (issue
 * 25) is one more set of these parts, of the same shape (`satisfies typeof catalog`), chosen per call.
 */
import { words as base } from './base';
import { backendWords } from './backend';
import { panelWords } from './panel';
import { testCaseWords } from './test-case';
import { cyclesWords } from './cycles';
import { runWords } from './run';
import { settingsWords } from './settings';
import { adminWords } from './admin';
import { glanceWords } from './glance';
import { adminBackendWords } from './admin-backend';
import { coverageWords } from './coverage';
import { keptWords } from './kept';

/** The whole catalog, every part: its shape (`typeof catalog`) is what each locale provides. */
export const catalog = { ...base, ...backendWords, ...panelWords, ...testCaseWords, ...cyclesWords, ...runWords, ...settingsWords, ...adminWords, ...glanceWords, ...adminBackendWords, ...coverageWords, ...keptWords };

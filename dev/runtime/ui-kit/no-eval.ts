/**
 * Imported first by page-script.ts, before any schema exists: the host page's policy allows no eval, and
 * zod probes for it (`new Function`) when it builds an object schema unless told to run without its JIT.
 * The probe is caught, but the browser still reports the blocked eval as a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });

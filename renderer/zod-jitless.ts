// Imported first by main.tsx, before any schema is built: zod would otherwise probe `new Function`
// to compile its parsers, which the screen's CSP (no eval) refuses and reports as a violation.
import { config } from 'zod';

config({ jitless: true });

// What must happen before Electron's 'ready'. main.ts imports this first: with an ES module entry,
// Electron runs the side effects of the entry's imports before 'ready', but not necessarily the
// entry's own code (Electron's ESM notes).
import { app } from 'electron';
import { registerAppScheme } from './protocol';

registerAppScheme();
app.enableSandbox();

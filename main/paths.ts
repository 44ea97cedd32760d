import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the shop lives when no --data-dir is given: the user's data folder. */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (env.GALLA_DATA_DIR) return env.GALLA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Galla');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Galla');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'galla');
}

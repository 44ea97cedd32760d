import { join } from 'node:path';
import { defaultDataDir } from '../../paths';

/** Where model files are installed: GALLA_MODELS_DIR, else <user data dir>/models. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GALLA_MODELS_DIR) return env.GALLA_MODELS_DIR;
  return join(defaultDataDir(env, platform), 'models');
}

/** <models dir>/<model id>/<file name>. */
export const installedFilePath = (modelsDir: string, modelId: string, fileName: string): string => join(modelsDir, modelId, fileName);

/** The partial download beside it, resumed with a Range request. */
export const partFilePath = (finalPath: string): string => `${finalPath}.part`;

// The Whisper child process: holds one whisper.cpp context and answers the engine's requests.
// Started by ModelProcess; nothing else imports this file.
import { initWhisper, type WhisperContext } from '@fugood/whisper.node';
import { serveModelProcess } from '../../models/model-process';
import { checkWhisperFile } from './ggml-file';
import type { WhisperProtocol } from './protocol';

let loaded: { path: string; ctx: WhisperContext } | null = null;

async function load(modelPath: string, checkFile: boolean): Promise<WhisperContext> {
  if (loaded?.path === modelPath) return loaded.ctx;
  if (loaded) {
    await loaded.ctx.release();
    loaded = null;
  }
  if (checkFile) {
    const check = checkWhisperFile(modelPath);
    if (!check.ok) throw Object.assign(new Error(check.problem), { name: 'WhisperModelFileError' });
  }
  let ctx: WhisperContext;
  try {
    ctx = await initWhisper({ filePath: modelPath, useGpu: false });
  } catch (e) {
    throw Object.assign(new Error(`whisper.cpp could not load ${modelPath}: ${(e as Error).message}`), { name: 'WhisperModelFileError' });
  }
  loaded = { path: modelPath, ctx };
  return ctx;
}

serveModelProcess<WhisperProtocol>({
  async load({ modelPath, checkFile }) {
    const t0 = performance.now();
    await load(modelPath, checkFile);
    return { loadMs: performance.now() - t0 };
  },
  async transcribe({ modelPath, checkFile, pcm, language, threads, prompt }) {
    const ctx = await load(modelPath, checkFile);
    const t0 = performance.now();
    // transcribeData takes raw signed 16-bit PCM (mono, 16 kHz) as an ArrayBuffer of exactly the samples.
    const samples = pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer;
    const { promise } = ctx.transcribeData(samples, { language, maxThreads: threads, temperature: 0, ...(prompt ? { prompt } : {}) });
    const result = await promise;
    return { text: result.result, language: result.language ?? null, ms: performance.now() - t0 };
  },
});

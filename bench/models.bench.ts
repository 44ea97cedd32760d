// Model plumbing on the tiny random-weight fixtures (../shared/fixtures): what the child process,
// loading, one transcription and one fallback parse cost here, and how fast files are verified.
// The fixtures are not real models: these are the overheads around a model, not its speed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LlamaFallbackParser } from '../main/voice/llm/parser';
import { sha256File } from '../main/voice/models/download';
import { writeTinyGguf, writeTinyWhisper } from '../main/voice/models/test-fixtures';
import { WhisperStt } from '../main/voice/stt/whisper/engine';
import { checkWhisperFile } from '../main/voice/stt/whisper/ggml-file';

const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'galla-bench-models-'));
  try {
    const whisperFile = writeTinyWhisper(dir);
    const ggufFile = writeTinyGguf(dir);

    const walk: number[] = [];
    for (let i = 0; i < RUNS; i++) walk.push((await time(async () => checkWhisperFile(whisperFile)))[0]);
    console.log(`whisper header walk (4.3 MB file): median ${fmt(median(walk))}`);

    const big = join(dir, 'hash.bin');
    writeFileSync(big, Buffer.alloc(64 * 1024 * 1024, 7));
    const [hashMs, digest] = await time(() => sha256File(big));
    if (digest !== createHash('sha256').update(Buffer.alloc(64 * 1024 * 1024, 7)).digest('hex')) throw new Error('sha256File disagrees with crypto');
    console.log(`sha256 of a 64 MB file: ${fmt(hashMs)} (${(64 / (hashMs / 1000)).toFixed(0)} MB/s; whisper-small would take ~${((487.6 / 64) * hashMs / 1000).toFixed(1)} s)`);

    const stt = new WhisperStt({ modelPath: whisperFile, threads: 1 });
    const [sttLoad] = await time(() => stt.load());
    const pcm = new Int16Array(16_000).map((_, i) => Math.round(3000 * Math.sin(i / 10)));
    const sttRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) sttRuns.push((await time(() => stt.transcribe(pcm, { timeoutMs: 60_000 })))[0]);
    console.log(`whisper (tiny random): child start + load ${fmt(sttLoad)}; transcribe 1 s of audio median ${fmt(median(sttRuns))} over ${RUNS} (1 thread)`);
    await stt.close();

    const catalog = { products: ['Amul Taaza Milk 500ml', 'Bread', 'Tata Salt 1kg', 'Maggi Noodles'], customers: ['Rahul Gupta', 'Sunita Devi', 'Suresh Kumar'] };
    const llm = new LlamaFallbackParser({ modelPath: ggufFile, threads: 1, contextSize: 4096 });
    const [llmLoad] = await time(() => llm.load());
    const llmRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) llmRuns.push((await time(() => llm.parseOrThrow(`Rahul ko ${i + 2} doodh aur ek bread`, catalog)))[0]);
    console.log(`llama fallback (tiny random): child start + load ${fmt(llmLoad)}; parse median ${fmt(median(llmRuns))} over ${RUNS} (threads 1; first ${fmt(llmRuns[0] ?? NaN)} includes the system prompt)`);
    await llm.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

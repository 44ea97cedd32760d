// Speaker adaptation for the grammar engine: from a couple of dozen sentences read by the cashier,
// an MLLR transform of the acoustic model's means (SphinxTrain's bw and mllr_solve, Debian
// sphinxtrain; features by sphinx_fe, sphinxbase-utils; the model definition in text by
// pocketsphinx_mdef_convert, pocketsphinx). The decoders then load it with -mllr. Measured on the
// bench: the US-English model hears a voice it was adapted to far better (see bench/voice.bench.ts).
// SphinxTrain needs the model's mixture weights as floats; the Debian model ships them quantized
// (sendump), so they are expanded once into mixture_weights.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeWav } from '../../audio/wav';
import { DEFAULT_MODEL_DIR } from './binding';

const run = promisify(execFile);

export const ADAPT_TOOLS = {
  bw: '/usr/lib/sphinxtrain/bw',
  mllrSolve: '/usr/lib/sphinxtrain/mllr_solve',
  fe: '/usr/bin/sphinx_fe',
  mdefConvert: '/usr/bin/pocketsphinx_mdef_convert',
} as const;

/** Where the transform for a voice is kept (in the grammar engine's work folder). */
export const adaptationFile = (workDir: string, name = 'voice'): string => join(workDir, `${name}.mllr`);

/** Why adaptation cannot run here, or null when it can. */
export function adaptMissing(modelDir = DEFAULT_MODEL_DIR): string | null {
  if (!existsSync(ADAPT_TOOLS.bw) || !existsSync(ADAPT_TOOLS.mllrSolve)) return 'SphinxTrain is not installed: install the Debian package sphinxtrain';
  if (!existsSync(ADAPT_TOOLS.fe)) return 'sphinx_fe is not installed: install the Debian package sphinxbase-utils';
  if (!existsSync(ADAPT_TOOLS.mdefConvert)) return 'pocketsphinx_mdef_convert is not installed: install the Debian package pocketsphinx';
  if (!existsSync(join(modelDir, 'en-us', 'sendump')) && !existsSync(join(modelDir, 'en-us', 'mixture_weights'))) return `No acoustic model in ${modelDir}/en-us: install pocketsphinx-en-us`;
  return null;
}

export interface AdaptSample {
  /** 16 kHz mono int16. */
  pcm: Int16Array;
  /** What was read, in the grammar's words (lower case). */
  text: string;
}

/**
 * Expands a PocketSphinx sendump (8-bit quantized -log mixture weights, [feature][density][senone])
 * into SphinxTrain's float mixture_weights ([senone][feature][density], normalised).
 */
export function sendumpToMixtureWeights(sendump: Uint8Array): Uint8Array {
  const view = new DataView(sendump.buffer, sendump.byteOffset, sendump.byteLength);
  let off = 0;
  const i32 = () => {
    const v = view.getInt32(off, true);
    off += 4;
    return v;
  };
  for (const _part of ['title', 'header']) {
    const n = i32();
    off += n;
  }
  const fields: Record<string, number> = {};
  for (let n = i32(); n !== 0; n = i32()) {
    const [k, v] = new TextDecoder().decode(sendump.subarray(off, off + n)).replace(/\0+$/, '').split(' ');
    fields[k!] = Number(v);
    off += n;
  }
  if ((fields.cluster_count ?? 0) !== 0 || (fields.cluster_bits ?? 8) !== 8) throw new Error('This sendump is clustered: adaptation needs an unclustered model');
  const nFeat = fields.feature_count ?? 1;
  let nDensity = fields.mixture_count ?? 0;
  let nSen = fields.model_count ?? 0;
  if (!fields.cluster_count) {
    nDensity = i32();
    nSen = i32();
  }
  const q = sendump.subarray(off, off + nFeat * nDensity * nSen);
  if (q.length !== nFeat * nDensity * nSen) throw new Error('The sendump is shorter than its header says');
  const header = new TextEncoder().encode('s3\nversion 1.0\nendhdr\n');
  const out = new Uint8Array(header.length + 4 + 16 + nSen * nFeat * nDensity * 4);
  out.set(header);
  const o = new DataView(out.buffer);
  let p = header.length;
  for (const v of [0x11223344, nSen, nFeat, nDensity, nSen * nFeat * nDensity]) {
    o.setInt32(p, v, true);
    p += 4;
  }
  // p = 1.0001^-(q << 10): PocketSphinx keeps the weights as 8-bit logs in base 1.0001, shifted by 10.
  const step = Math.log(1.0001) * 1024;
  const ws = new Float64Array(nDensity);
  for (let s = 0; s < nSen; s++) {
    for (let f = 0; f < nFeat; f++) {
      let sum = 0;
      for (let d = 0; d < nDensity; d++) sum += ws[d] = Math.exp(-q[(f * nDensity + d) * nSen + s]! * step);
      for (let d = 0; d < nDensity; d++) {
        o.setFloat32(p, ws[d]! / sum, true);
        p += 4;
      }
    }
  }
  return out;
}

/** The model as SphinxTrain reads it, built once in `dir`: links to the files, mdef as text, float mixture weights. */
async function trainingModel(modelDir: string, dir: string): Promise<string> {
  const model = join(dir, 'model');
  if (existsSync(join(model, 'mixture_weights')) && existsSync(join(model, 'mdef.txt'))) return model;
  rmSync(model, { recursive: true, force: true });
  mkdirSync(model, { recursive: true });
  const src = join(modelDir, 'en-us');
  for (const f of ['means', 'variances', 'transition_matrices', 'feat.params', 'noisedict', 'mdef']) symlinkSync(join(src, f), join(model, f));
  if (existsSync(join(src, 'mixture_weights'))) symlinkSync(join(src, 'mixture_weights'), join(model, 'mixture_weights.tmp'));
  else writeFileSync(join(model, 'mixture_weights.tmp'), sendumpToMixtureWeights(readFileSync(join(src, 'sendump'))));
  await run(ADAPT_TOOLS.mdefConvert, ['-text', join(src, 'mdef'), join(model, 'mdef.txt')]);
  // Renamed last: a model folder with mixture_weights is complete.
  renameSync(join(model, 'mixture_weights.tmp'), join(model, 'mixture_weights'));
  return model;
}

/**
 * Computes an MLLR transform for the voice in `samples` and returns its file. `dict` is the grammar
 * engine's pronunciation dictionary: samples with a word it lacks are left out (and named in the error
 * when none is left).
 */
export async function adaptToVoice(opts: { modelDir?: string; workDir: string; dict: string; samples: AdaptSample[]; name?: string }): Promise<{ mllr: string; used: number; skipped: string[] }> {
  const modelDir = opts.modelDir ?? DEFAULT_MODEL_DIR;
  const missing = adaptMissing(modelDir);
  if (missing) throw new Error(missing);
  const known = new Set(readFileSync(opts.dict, 'utf8').split('\n').map((l) => l.split(/\s/)[0]!.replace(/\(\d+\)$/, '')));
  const usable = opts.samples.filter((s) => s.text.trim().split(/\s+/).every((w) => known.has(w)));
  const skipped = opts.samples.filter((s) => !usable.includes(s)).map((s) => s.text);
  if (usable.length < 5) throw new Error(`Too few sentences to adapt to this voice (${usable.length}; at least 5 with words the shop's grammar knows)${skipped.length ? `; left out: ${skipped.join(' | ')}` : ''}`);
  mkdirSync(opts.workDir, { recursive: true });
  const model = await trainingModel(modelDir, opts.workDir);
  const name = opts.name ?? 'voice';
  const dir = join(opts.workDir, `adapt-${name}.work`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ids = usable.map((_, i) => `s${String(i + 1).padStart(3, '0')}`);
  usable.forEach((s, i) => writeFileSync(join(dir, `${ids[i]}.wav`), encodeWav(s.pcm)));
  writeFileSync(join(dir, 'fileids'), ids.join('\n') + '\n');
  writeFileSync(join(dir, 'transcription'), usable.map((s, i) => `<s> ${s.text.trim()} </s> (${ids[i]})`).join('\n') + '\n');
  const step = async (what: string, file: string, args: string[]) => {
    try {
      await run(file, args, { cwd: dir, maxBuffer: 64 << 20 });
    } catch (e) {
      const out = e as { stdout?: string; stderr?: string };
      const tail = `${out.stderr ?? ''}${out.stdout ?? ''}`.trim().split('\n').slice(-3).join(' / ');
      throw new Error(`Adapting to the voice failed at ${what}: ${tail}`);
    }
  };
  await step('feature extraction (sphinx_fe)', ADAPT_TOOLS.fe, ['-argfile', join(model, 'feat.params'), '-samprate', '16000', '-c', 'fileids', '-di', '.', '-do', '.', '-ei', 'wav', '-eo', 'mfc', '-mswav', 'yes']);
  const feat = ['-feat', '1s_c_d_dd', '-svspec', '0-12/13-25/26-38', '-cmn', 'batch', '-agc', 'none'];
  await step('alignment statistics (bw)', ADAPT_TOOLS.bw, ['-hmmdir', model, '-moddeffn', join(model, 'mdef.txt'), '-ts2cbfn', '.ptm.', ...feat, '-dictfn', opts.dict, '-fdictfn', join(model, 'noisedict'), '-ctlfn', 'fileids', '-lsnfn', 'transcription', '-accumdir', '.']);
  await step('the transform (mllr_solve)', ADAPT_TOOLS.mllrSolve, ['-meanfn', join(model, 'means'), '-varfn', join(model, 'variances'), '-outmllrfn', 'mllr_matrix', '-accumdir', '.']);
  // Into place only when every step worked: a failed attempt leaves the transform in use as it was.
  const mllr = adaptationFile(opts.workDir, name);
  writeFileSync(`${mllr}.tmp`, readFileSync(join(dir, 'mllr_matrix')));
  renameSync(`${mllr}.tmp`, mllr);
  rmSync(dir, { recursive: true, force: true });
  return { mllr, used: usable.length, skipped };
}

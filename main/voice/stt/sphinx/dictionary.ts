// The pronunciation dictionary for the grammar's words, in the model's CMU phones, from three
// sources: CMUdict (English words), rules over romanised Hinglish spelling, and espeak-ng's
// pronunciation of the word (its English and Hindi voices) mapped to CMU phones. Hinglish words
// put the Hinglish reading first; a word keeps at most MAX_VARIANTS readings.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HINGLISH_WORDS } from './lexicon';
import { SPECIAL, cleanVariants, hinglishToCmu, ipaToCmu } from './pronounce';

// Measured on the bench (bench/voice.bench.ts, 64 commands x 2 voices, commands understood right
// before rejection): espeak-ng's English + Hindi readings 40 + 21, English reading + Hinglish
// rules/CMUdict 40 + 17, three readings fewer still (more readings give the decoder more ways to
// explain speech as the wrong words). Without espeak-ng: the Hinglish rules (Hindi sounds) and CMUdict.
export const MAX_VARIANTS = 2;
export const HINGLISH_ORDER: PronunciationSource[] = ['espeak-en', 'espeak-hi', 'rules', 'cmudict'];
export const ENGLISH_ORDER: PronunciationSource[] = ['espeak-en', 'espeak-hi', 'cmudict', 'rules'];

export type PronunciationSource = 'cmudict' | 'rules' | 'espeak-en' | 'espeak-hi';

export interface DictionaryOptions {
  /** Which readings, in order, for English words and for Hinglish ones. */
  englishOrder?: PronunciationSource[];
  hinglishOrder?: PronunciationSource[];
  maxVariants?: number;
  /** CMUdict in PocketSphinx format; null to go without. */
  cmudictFile: string | null;
  /** Ask espeak-ng (when installed) for its readings too. */
  espeak: boolean;
}

export interface BuiltDictionary {
  text: string;
  /** Words no source could pronounce (left out of the dictionary: the grammar must not use them). */
  missing: string[];
  sources: { cmudict: number; rules: number; espeak: number };
}

const cmuCache = new Map<string, string[]>();
const espeakCache = new Map<string, { en: string; hi: string }>();

/** CMUdict readings of the given words (all variants). Scans the file once per call for unseen words. */
export async function cmudictLookup(file: string, words: string[]): Promise<Map<string, string[]>> {
  const want = new Set(words.filter((w) => !cmuCache.has(w)));
  if (want.size > 0) {
    for (const w of want) cmuCache.set(w, []);
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const head = line.slice(0, sp).replace(/\(\d+\)$/, '');
      if (want.has(head)) cmuCache.get(head)!.push(line.slice(sp + 1).replace(/#.*$/, '').trim());
    }
  }
  return new Map(words.map((w) => [w, cmuCache.get(w) ?? []]));
}

function runEspeak(voice: string, words: string[]): Promise<string[] | null> {
  return new Promise((resolve) => {
    let out = '';
    const p = spawn('espeak-ng', ['-v', voice, '-q', '--ipa'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.split('\n').map((l) => l.trim()).filter(Boolean);
      // One line per word; anything else means espeak-ng joined or split words and the mapping is lost.
      resolve(code === 0 && lines.length === words.length ? lines : null);
    });
    p.stdin.end(words.join('\n') + '\n');
  });
}

/** espeak-ng's readings (its English and Hindi voices) as CMU phones; '' when espeak-ng is missing. */
export async function espeakLookup(words: string[]): Promise<Map<string, { en: string; hi: string }>> {
  const want = words.filter((w) => !espeakCache.has(w));
  if (want.length > 0) {
    const [en, hi] = await Promise.all([runEspeak('en-us', want), runEspeak('hi', want)]);
    if (en || hi) want.forEach((w, i) => espeakCache.set(w, { en: ipaToCmu(en?.[i] ?? ''), hi: ipaToCmu(hi?.[i] ?? '') }));
  }
  return new Map(words.map((w) => [w, espeakCache.get(w) ?? { en: '', hi: '' }]));
}

export async function buildDictionary(words: string[], opts: DictionaryOptions): Promise<BuiltDictionary> {
  const cmu = opts.cmudictFile ? await cmudictLookup(opts.cmudictFile, words) : new Map<string, string[]>();
  const esp = opts.espeak ? await espeakLookup(words) : new Map<string, { en: string; hi: string }>();
  const lines: string[] = [];
  const missing: string[] = [];
  const sources = { cmudict: 0, rules: 0, espeak: 0 };
  for (const w of words) {
    const fromCmu = cmu.get(w) ?? [];
    const rules = SPECIAL[w] ?? [hinglishToCmu(w)];
    const e = esp.get(w) ?? { en: '', hi: '' };
    const fromEspeak = [e.en, e.hi].filter(Boolean);
    const hinglish = HINGLISH_WORDS.has(w) || fromCmu.length === 0;
    const order = (hinglish ? opts.hinglishOrder : opts.englishOrder) ?? (hinglish ? HINGLISH_ORDER : ENGLISH_ORDER);
    const bySource: Record<PronunciationSource, string[]> = { cmudict: fromCmu, rules, 'espeak-en': [e.en], 'espeak-hi': [e.hi] };
    const variants = cleanVariants(order.flatMap((src) => bySource[src])).slice(0, opts.maxVariants ?? MAX_VARIANTS);
    if (variants.length === 0) {
      missing.push(w);
      continue;
    }
    for (const v of variants) {
      if (fromCmu.includes(v)) sources.cmudict++;
      else if (fromEspeak.includes(v)) sources.espeak++;
      else sources.rules++;
    }
    variants.forEach((v, i) => lines.push(`${i === 0 ? w : `${w}(${i + 1})`} ${v}`));
  }
  return { text: lines.join('\n') + '\n', missing, sources };
}

/** The free phone loop: the yardstick a grammar score is measured against. */
export function phoneLoop(): { jsgf: string; dict: string } {
  const phones = ['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH', 'IH', 'IY', 'JH', 'K',
    'L', 'M', 'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y', 'Z', 'ZH'];
  const word = (p: string) => `phone${p.toLowerCase()}`;
  return {
    jsgf: `#JSGF V1.0;\ngrammar phones;\npublic <loop> = (${phones.map(word).join(' | ')})+;\n`,
    dict: phones.map((p) => `${word(p)} ${p}`).join('\n') + '\n',
  };
}

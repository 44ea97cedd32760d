// customer-search at 100,000 customers, through the dispatcher, on a file-backed shop.
// Goal: p99 under 10 ms over a mix of plain names, spelling variants, typos, landmark queries,
// phones and Devanagari. The index is built on the first search; its build time is printed apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../common/actor';
import type { CommandInput } from '../common/commands';
import { createServices } from '../main/services';

const CUSTOMERS = Number(process.env.GALLA_BENCH_CUSTOMERS ?? 100_000);
const GOAL_P99_MS = 10;

// Latin spelling and, for some, the Devanagari a voice query would arrive in.
const FIRST: [string, string?][] = [
  ['Rahul', 'राहुल'], ['Sunita', 'सुनीता'], ['Deepak', 'दीपक'], ['Amit', 'अमित'], ['Priya', 'प्रिया'], ['Vikas', 'विकास'],
  ['Lakshmi', 'लक्ष्मी'], ['Ramesh', 'रमेश'], ['Suresh', 'सुरेश'], ['Geeta', 'गीता'], ['Anil', 'अनिल'], ['Pooja', 'पूजा'],
  ['Sanjay', 'संजय'], ['Manoj', 'मनोज'], ['Bharat', 'भरत'], ['Salim', 'सलीम'], ['Rakesh'], ['Neha'], ['Dinesh'], ['Harish'],
  ['Mohan'], ['Sohan'], ['Kavita'], ['Anita'], ['Rekha'], ['Seema'], ['Meena'], ['Usha'], ['Asha'], ['Savita'], ['Ajay'], ['Vijay'],
  ['Sunil'], ['Ravi'], ['Raju'], ['Rajesh'], ['Mukesh'], ['Naresh'], ['Mahesh'], ['Ganesh'], ['Dilip'], ['Pradeep'], ['Sandeep'],
  ['Kuldeep'], ['Arun'], ['Varun'], ['Tarun'], ['Karan'], ['Arjun'], ['Rohit'], ['Mohit'], ['Sumit'], ['Ankit'], ['Nitin'],
  ['Sachin'], ['Gaurav'], ['Saurabh'], ['Abhishek'], ['Ashok'], ['Alok'], ['Vinod'], ['Pramod'], ['Santosh'], ['Shyam'], ['Ram'],
  ['Krishna'], ['Gopal'], ['Govind'], ['Hari'], ['Shiv'], ['Shankar'], ['Imran'], ['Irfan'], ['Farooq'], ['Zakir'], ['Arif'],
  ['Asif'], ['Javed'], ['Nasreen'], ['Shabana'], ['Farida'], ['Ayesha'], ['Fatima'], ['Gurpreet'], ['Harpreet'], ['Manpreet'],
  ['Jaspreet'], ['Simran'], ['Anjali'], ['Nisha'], ['Komal'], ['Jyoti'], ['Sarita'], ['Mamta'], ['Radha'], ['Sita'], ['Parvati'],
  ['Durga'], ['Kamla'], ['Shanti'], ['Bimla'], ['Pushpa'], ['Suman'], ['Renu'], ['Poonam'], ['Preeti'], ['Swati'], ['Shweta'],
  ['Divya'], ['Ritu'], ['Vandana'], ['Archana'], ['Madhu'], ['Manju'], ['Sudha'], ['Uma'], ['Babita'], ['Lalita'], ['Kiran'],
];
const LAST: [string, string?][] = [
  ['Sharma', 'शर्मा'], ['Gupta', 'गुप्ता'], ['Verma', 'वर्मा'], ['Yadav', 'यादव'], ['Singh', 'सिंह'], ['Kumar', 'कुमार'],
  ['Pandey', 'पांडेय'], ['Mishra', 'मिश्रा'], ['Agarwal', 'अग्रवाल'], ['Jain', 'जैन'], ['Khan'], ['Ansari'], ['Qureshi'],
  ['Shaikh'], ['Siddiqui'], ['Chauhan'], ['Rathore'], ['Thakur'], ['Tiwari'], ['Tripathi'], ['Dubey'], ['Shukla'], ['Srivastava'],
  ['Saxena'], ['Bansal'], ['Goyal'], ['Mittal'], ['Garg'], ['Jindal'], ['Chaudhary'], ['Patel'], ['Shah'], ['Mehta'], ['Desai'],
  ['Joshi'], ['Kulkarni'], ['Patil'], ['Pawar'], ['Jadhav'], ['More'], ['Reddy'], ['Rao'], ['Naidu'], ['Iyer'], ['Nair'], ['Menon'],
  ['Das'], ['Bose'], ['Ghosh'], ['Banerjee'], ['Chatterjee'], ['Mukherjee'], ['Sen'], ['Dutta'], ['Roy'], ['Paul'], ['Gill'],
  ['Sandhu'], ['Dhillon'], ['Grewal'], ['Bajwa'], ['Kapoor'], ['Khanna'], ['Malhotra'], ['Arora'], ['Bhatia'], ['Sethi'], ['Chopra'],
  ['Prajapati'], ['Kushwaha'], ['Maurya'], ['Nishad'], ['Pal'], ['Sahu'], ['Soni'], ['Rastogi'], ['Bhatt'], ['Negi'], ['Rawat'],
];
const MIDDLE = ['Kumar', 'Prasad', 'Lal', 'Chand', 'Devi', 'Nath', 'Ram', 'Kishore', 'Mohan', 'Prakash', 'Singh', 'Rani', 'Bai', 'Dutt', 'Narayan', 'Shankar'];
const LANDMARKS = [
  'ATM ke paas', 'mandir wali gali', 'masjid ke peeche', 'school ke saamne', 'bank ke saamne', 'petrol pump', 'chauraha ke paas',
  'hanuman mandir', 'post office ke paas', 'thane ke peeche', 'park wali gali', 'station road', 'gurudwara ke paas', 'sabzi mandi',
  'naya bazaar', 'purani basti', 'pani ki tanki', 'dudh dairy', 'hospital ke saamne', 'bus stand', 'chakki wali gali', 'nai sadak',
  'railway colony', 'sector 4', 'block C', 'nehru nagar', 'gandhi chowk', 'ambedkar park', 'kabristan road', 'talab ke paas',
];
const PET_NAMES = ['Pappu', 'Bablu', 'Munna', 'Guddu', 'Chintu', 'Pinky', 'Sonu', 'Monu', 'Bunty', 'Dabbu', 'Golu', 'Tinku', 'Rinku', 'Dinu'];
const HONORIFICS = ['bhai', 'chacha', 'didi', 'ji', 'bhaiya', 'aunty'];

/** A small deterministic random source (the same shop every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Person {
  first: [string, string?];
  last: [string, string?];
  input: CommandInput<'customer-create'>;
}

function people(n: number): Person[] {
  const rand = rng(20260310);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const taken = new Set<string>();
  const out: Person[] = [];
  while (out.length < n) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = rand() < 0.1 ? `${first[0]} ${last[0]}` : `${first[0]} ${pick(MIDDLE)} ${last[0]}`;
    const key = name.toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    const r = rand();
    const nickname = r < 0.1 ? `${first[0]} ${pick(HONORIFICS)}` : r < 0.16 ? pick(PET_NAMES) : null;
    const landmark = rand() < 0.45 ? pick(LANDMARKS) : null;
    const phone = rand() < 0.85 ? String(6_000_000_000 + Math.floor(rand() * 3_999_999_999)) : null;
    const notes = rand() < 0.05 ? pick(['pays on the 1st', 'milk every morning', 'credit only till 5000', 'son studies in Kota']) : null;
    out.push({ first, last, input: { name, phone, nickname, landmark, notes } });
  }
  return out;
}

/** The query mix: what a cashier types and what the voice engine hears. */
function queries(ps: Person[]): { kind: string; q: string }[] {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const variant = (w: string) => w.replace('ee', 'i').replace('oo', 'u').replace(/sh/i, 's').replace(/^V/, 'W').replace(/t$/, 'th').replace('x', 'ksh');
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w + w.at(-1));
  const withDevanagari = ps.filter((p) => p.first[1] && p.last[1]);
  const withPhone = ps.filter((p) => p.input.phone);
  const withLandmark = ps.filter((p) => p.input.landmark);
  const out: { kind: string; q: string }[] = [];
  for (let i = 0; i < 80; i++) {
    const p = pick(ps);
    out.push({ kind: 'name', q: i % 3 === 0 ? p.first[0] : `${p.first[0]} ${p.last[0]}` });
  }
  for (let i = 0; i < 60; i++) {
    const p = pick(ps);
    out.push({ kind: 'variant', q: `${variant(p.first[0])} ${variant(p.last[0])}` });
  }
  for (let i = 0; i < 40; i++) out.push({ kind: 'typo', q: typo(pick(ps).input.name.split(' ').at(-1)!) });
  for (let i = 0; i < 60; i++) {
    const p = pick(withLandmark);
    out.push({ kind: 'landmark', q: `${p.first[0]} ${p.input.landmark!.split(' ')[0]} wala` });
  }
  for (let i = 0; i < 60; i++) {
    const phone = pick(withPhone).input.phone!;
    out.push({ kind: 'phone', q: i % 3 === 0 ? phone.slice(-4) : i % 3 === 1 ? `+91 ${phone.slice(0, 5)} ${phone.slice(5)}` : phone });
  }
  for (let i = 0; i < 60; i++) {
    const p = pick(withDevanagari);
    out.push({ kind: 'devanagari', q: i % 2 === 0 ? p.first[1]! : `${p.first[1]} ${p.last[1]}` });
  }
  for (let i = 0; i < 20; i++) out.push({ kind: 'prefix', q: pick(ps).first[0].slice(0, 3).toLowerCase() });
  for (let i = 0; i < 20; i++) out.push({ kind: 'filler', q: `${pick(ps).last[0]} ji` });
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'galla-search-bench-'));
  const services = createServices({ dataDir: dir });
  const actor: Actor = { role: 'cashier', source: 'keyboard', who: 'bench' };
  try {
    const ps = people(CUSTOMERS);
    let t0 = performance.now();
    // Through customer-create, 5,000 to an outer transaction so the disk is synced per batch, not per row.
    for (let i = 0; i < ps.length; i += 5000) {
      services.db.transaction(() => {
        for (const p of ps.slice(i, i + 5000)) {
          const r = services.dispatcher.dispatch('customer-create', p.input, actor);
          if (!r.ok) throw new Error(`customer-create ${p.input.name}: ${r.error.message}`);
        }
      })();
    }
    console.log(`${CUSTOMERS.toLocaleString('en-IN')} customers created through customer-create in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    t0 = performance.now();
    services.dispatcher.dispatch('customer-search', { q: 'warm up' }, actor);
    console.log(`index built on the first search: ${ms(performance.now() - t0)}`);

    const qs = queries(ps);
    // Wall time is the goal; CPU time (this thread's user+system) is printed beside it because on a
    // shared machine a wall-time spike is often the scheduler, not the search. Three rounds: the
    // first still warms the word-match cache and the JIT.
    let p99 = Number.POSITIVE_INFINITY;
    for (let round = 1; round <= 3; round++) {
      const byKind = new Map<string, number[]>();
      const wall: number[] = [];
      const cpu: number[] = [];
      const slowest: { q: string; took: number }[] = [];
      let empty = 0;
      for (const { kind, q } of qs) {
        const c0 = process.cpuUsage();
        const start = performance.now();
        const r = services.dispatcher.dispatch('customer-search', { q }, actor);
        const took = performance.now() - start;
        const c = process.cpuUsage(c0);
        if (!r.ok) throw new Error(`customer-search "${q}": ${r.error.message}`);
        if (r.value.length === 0) empty++;
        wall.push(took);
        cpu.push((c.user + c.system) / 1000);
        slowest.push({ q, took });
        const list = byKind.get(kind) ?? [];
        list.push(took);
        byKind.set(kind, list);
      }
      wall.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      p99 = Math.min(p99, pct(wall, 99));
      console.log(
        `round ${round}: ${qs.length} queries (${empty} with no result): wall p50 ${ms(pct(wall, 50))}, p95 ${ms(pct(wall, 95))}, p99 ${ms(pct(wall, 99))}, max ${ms(wall.at(-1)!)}; ` +
          `cpu p50 ${ms(pct(cpu, 50))}, p99 ${ms(pct(cpu, 99))}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
      );
      if (round < 3) continue;
      for (const [kind, list] of byKind) {
        list.sort((a, b) => a - b);
        console.log(`  ${kind.padEnd(10)} n=${String(list.length).padStart(3)}  p50 ${ms(pct(list, 50))}  p99 ${ms(pct(list, 99))}`);
      }
      slowest.sort((a, b) => b.took - a.took);
      console.log(`  slowest: ${slowest.slice(0, 5).map((x) => `"${x.q}" ${ms(x.took)}`).join(', ')}`);
    }
    console.log(`goal: p99 < ${GOAL_P99_MS} ms (best round ${ms(p99)}) -> ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`);
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The shop's working words, by meaning: what tells a payment from udhaar, a stock question from
// stock arriving, a reminder from a bill. Spellings are compared by phonetic key, so listing one
// of doodh/dudh or hisaab/hisab covers both; Devanagari read as Latin ("बैलेंस" is bailens) is
// listed where the key does not already merge it.
import { phoneticKey } from '../text';
import type { Token } from './tokens';

const WORDS = {
  /** Grammar words that carry no command and are never part of a name. */
  stop: [
    'ko', 'ka', 'ki', 'ke', 'ne', 'se', 'pe', 'par', 'mein', 'me', 'mai', 'main', 'liye', 'lie', 'liya', 'hai', 'hain', 'he', 'ho', 'hoga', 'hogi', 'tha', 'thi',
    'toh', 'to', 'bhi', 'hi', 'na', 'ya', 'is', 'iss', 'us', 'uss', 'iska', 'uska', 'uski', 'uske', 'iski', 'iske', 'ye', 'yeh', 'wo', 'woh', 'vo', 'a', 'an',
    'of', 'for', 'in', 'on', 'at', 'by', 'with', 'my', 'i', 'please', 'plz', 'pls', 'zara', 'jara', 'abhi', 'jaldi', 'ek baar', 'the', 'and', 'aur', 'or',
    'apna', 'apne', 'mera', 'mere', 'meri', 'hamara', 'humara', 'unka', 'unke', 'wala', 'wale', 'wali', 'sirf', 'bas', 'only', 'just', 'also', 'to', 'from',
    'aap', 'tum', 'hum', 'mujhe', 'humko', 'hamko', 'unko', 'inko', 'usko', 'isko', 'yaar', 'bhaiya', 'bhai', 'ji', 'haina', 'ok', 'okay', 'acha', 'accha',
    'does', 'do', 'did', 'is', 'are', 'any', 'there', 'we', 'our', 'who', 'to', 'was', 'were', 'be', 'it', 'this', 'that', 'me', 'us', 'you', 'your', 'has', 'have', 'had', 'get', 'got', 'some',
    'sir', 'madam', 'dekhna', 'dekho', 'kuch', 'thoda', 'thode', 'wahi', 'usi', 'isi', 'jo', 'jab', 'tab', 'fir', 'phir', 'then', 'wapis',
    // Auxiliaries, "said", and verbs with -ke/-kar ("likh ke"): never goods, whatever they sound like ("bola" is not cola).
    'raha', 'rahi', 'rahe', 'bola', 'boli', 'bole', 'kaha', 'kahi', 'kahe', 'karke', 'karkar', 'kar ke', 'dekar', 'deke', 'lekar', 'leke',
    'likhke', 'likhkar', 'bolke', 'bolkar', 'bhejke', 'bhejkar', 'dekhke', 'dekhkar', 'jaake', 'jakar', 'aake', 'aakar', 'didi',
    // Everyday words one letter from a product word (jata/Tata, andar/anda, khula/cola, socha/Sona, yaani/paani).
    'jana', 'jaana', 'jata', 'jati', 'jate', 'khula', 'khuli', 'khule', 'andar', 'ganda', 'gandi', 'gande', 'yaani', 'socha', 'soch', 'sochna',
    'ladka', 'ladki', 'ladke', 'aadmi', 'aurat', 'achha', 'bura', 'bahut', 'bohot', 'matlab', 'waise', 'vaise', 'aise', 'jaise', 'kaise',
  ],
  bill: ['bill', 'bil', 'invoice', 'parchi', 'receipt', 'rasid', 'raseed', 'challan'],
  make: ['banao', 'bana', 'banado', 'banaiye', 'banana', 'bnao', 'create', 'make', 'generate', 'kaato', 'kaat', 'kato', 'nikalo', 'nikal', 'print'],
  confirm: ['bas itna', 'thats all', 'that is all', 'confirm', 'final', 'finalise', 'finalize', 'pakka', '=done', 'complete', 'save', 'submit', 'kanfarm', 'conform'],
  yes: ['haan', 'han', 'ha', 'haa', 'yes', 'yeah', 'yep', 'ok', 'okay', 'theek', 'thik', 'sahi', 'bilkul', 'hanji', 'haanji', 'chalo', 'correct', 'right', 'sure'],
  no: ['nahi', 'nahin', 'nai', 'nahi', 'no', 'nope', 'mat', 'mt', 'naa', 'nako', 'dont', 'not'],
  cancel: ['cancel', 'kainsal', 'cancil', 'radd', 'rad', 'void', 'khaarij', 'kharij', 'band', 'bandh', 'stop', 'roko', 'rok'],
  remove: ['hata', 'hatao', 'hatado', 'hatana', 'nikalo', 'nikal', 'nikaal', 'remove', 'delete', 'minus', 'mita', 'mitao', 'hatwa'],
  undo: ['undo', 'wapas', 'vapas', 'vaapas', 'wapis', 'palat', 'palto', 'ulta', 'revert', 'reverse'],
  mistake: ['galti', 'galat', 'mistake', 'wrong', 'bhool', 'galati', 'glti'],
  last: ['last', 'pichhla', 'pichla', 'pichhli', 'pichhle', 'pichle', 'previous', 'akhri', 'aakhri', 'abhi wala', 'recent', 'latest'],
  entry: ['entry', 'entri', 'transaction', 'record', 'kaam'],
  reminder: ['reminder', 'reminders', 'rimaindar', 'remainder', 'remind', 'yaad', 'tagada', 'takaza', 'tagaada'],
  remindVerb: ['dilao', 'dila', 'dilana', 'dilaana', 'dilaiye', 'dilaa'],
  show: ['dikhao', 'dikha', 'dikhana', 'dikhaiye', 'batao', 'bata', 'batana', 'bataiye', 'bolo', 'sunao', 'list', 'show', '=tell', 'display', 'dekho', 'dekhna', 'suna', 'check', 'what', 'whats'],
  all: ['sab', 'sabka', 'sabhi', 'sabki', 'sabke', 'sare', 'saare', 'sara', 'all', 'everyone', 'every', 'har', 'log', 'logo', 'logon', 'customers', 'grahakon'],
  which: ['kaun', 'kaunsa', 'kaunse', 'kaunsi', 'konsa', 'konse', 'kis', 'kin', 'kinka', 'kiska', 'kiske', 'which', 'who', 'whom'],
  what: ['kya', 'kyaa', 'what'],
  howMuch: ['kitna', 'kitne', 'kitni', 'kitta', 'kitte', 'how', 'much', 'many'],
  balance: ['balance', 'bailens', 'balens', 'baki', 'baaki', 'bakaya', 'bakaaya', 'bakiya', 'hisaab', 'hisab', 'due', 'dues', 'owe', 'owes', 'owing', 'outstanding', 'pending', 'lena', 'lene', 'dena', 'dene', 'remaining'],
  khata: ['khata', 'khaata', 'khate', 'khaate', 'khatte', 'account', 'ledger', 'bahi'],
  udhaar: ['udhaar', 'udhar', 'udhari', 'udhaari', 'credit', 'karz', 'karza', 'baki'],
  write: ['likh', 'likho', 'likhna', 'likhdo', 'likhiye', 'chadha', 'chadhao', 'chadhana', 'charha', 'charhao', 'chadao', 'daal', 'daalo', 'dalo', 'jod', 'jodo', 'note', 'entry', 'add'],
  received: ['de gaye', 'de gaya', 'de gayi', 'de gaye', 'diye', 'diya', 'die', 'di', 'dia', 'jama', 'mile', 'mila', 'mili', 'milee', 'aaya', 'aaye', 'aayi', 'aye', 'aya', 'ayi', 'paid', 'pay', 'payed', 'bheje', 'bheja', 'bheji', 'chuka', 'chukaya', 'chukaye', 'chukta', 'chukay', 'lautaye', 'lautaya', 'lauta', 'received', 'receive', 'got', 'gave', 'given', 'deposit', 'deposited', '=bhara', '=bhare', '=bhar', 'kiye', 'kiya'],
  payment: ['payment', 'paiment', 'pement', 'bhugtan', 'paisa', 'paise', 'rakam', 'amount'],
  full: ['pura', 'poora', 'puri', 'poori', 'pure', 'poore', '=full', 'sara', 'saara', 'sare', 'saare', 'sari', 'saari', 'entire', 'whole', 'clear', 'saaf', 'settle', 'chukta'],
  total: ['kul', 'total', 'sab mila ke', 'milakar', 'milake', 'milaake', 'overall', 'puri market'],
  market: ['market', 'bazaar', 'fasa', 'fansa', 'phasa', 'phansa', 'atka', 'atke', 'bahar', 'baahar', 'outstanding'],
  stock: ['stock', 'stok', 'inventory', 'godown'],
  left: ['is there', 'do we have', 'do you have', 'in stock', 'milega', 'milta', 'bacha', 'bache', 'bachi', 'bachaa', 'pada', 'pade', 'padi', 'left', 'available', 'remaining', 'rakha', 'rakhe'],
  arrived: ['stock in', 'aaya', 'aaye', 'aayi', 'aya', 'aye', 'ayi', 'aa', 'arrived', 'received', 'aagaya', 'utra', 'utara', 'pahuncha', 'delivery', 'came', 'inward'],
  stockIn: ['add', 'jodo', 'jod', 'daalo', 'dalo', 'daal', 'chadhao', 'badhao', 'badha', 'increase', 'restock', 'refill', '=bharo'],
  low: ['khatam', 'khatm', 'khatma', 'khtm', 'low', 'short', 'kam', 'kami', 'finish', 'finishing', 'running', 'empty', 'out'],
  order: ['order', 'mangana', 'mangani', 'mangane', 'mangwana', 'mangwani', 'mangwane', 'mangao', 'mangwao', 'reorder', 'purchase', 'kharidna', 'kharidni', 'lana', 'laana', 'lani', 'lane'],
  goods: ['maal', 'mal', 'saaman', 'saman', 'samaan', 'item', 'items', 'cheez', 'cheezein', 'cheeze', 'product', 'products', 'goods', 'things'],
  sale: ['bikri', 'bikree', 'sale', 'sales', 'bika', 'biki', 'bike', 'becha', 'bechi', 'beche', 'kamaya', 'kamai', 'kamaai', 'kamayi', 'kamaye', 'dhandha', 'dhanda', 'galla', 'collection', 'business', 'income', 'earning', 'earnings', 'revenue', 'gallaa', 'vikri'],
  summary: ['summary', 'report', 'hisaab', 'hisab', 'saransh', 'overview'],
  today: ['aaj', 'aj', 'today', 'todays', 'din', 'daily', 'roz', 'rozana'],
  customer: ['customer', 'grahak', 'graahak', 'party', 'client', 'kastamar', 'costumer', 'gahak'],
  new: ['naya', 'nayi', 'naye', 'new', 'nya', 'nai'],
  open: ['kholo', 'khol', 'kholna', 'kholiye', 'open', 'register', 'jodo', 'add', 'banao', 'bana', 'create', 'banaiye', 'shuru'],
  name: ['naam', 'nam', 'name', 'named', 'called'],
  phone: ['phone', 'fon', 'mobile', 'mobail', 'number', 'nambar', 'numbar', 'no', 'contact', 'whatsapp'],
  change: ['badlo', 'badal', 'badla', 'badli', 'badalna', 'change', 'update', 'save', 'sahi', 'edit', 'naya', 'new', 'replace', 'correct', 'karo', 'kar'],
  details: ['details', 'detail', 'info', 'information', 'jankari', 'jaankari', 'address', 'pata', 'profile', 'vivaran', 'data'],
  discount: ['discount', 'diskaunt', 'discaunt', 'chhoot', 'chhut', 'chut', '=off', 'concession', 'rebate', 'kam', 'less', 'kamti', 'riyayat', 'chhod'],
  percent: ['percent', 'pratishat', 'pratisat', 'pc', 'percentage', 'parsent', 'prasent', 'taka'],
  rupee: ['rupaye', 'rupaiye', 'rupees', 'rupee', 'rs', 'rupay', 'rupye', 'rupae', 'rupiya', 'rupiye', 'rupya', 'inr', 'rupe', 'rupaya', 'ruppe', 'rupe'],
  gst: ['gst', 'jiesti', 'tax', 'taks', 'taxes'],
  gstr: ['gstr', 'gstr1', 'return', 'returns', 'filing', 'file'],
  pnl: ['p l', 'p and l', 'profit', 'loss', 'munafa', 'munaafa', 'nuksan', 'nuksaan', 'nuksan', 'pnl', 'fayda', 'faayda', 'ghata', 'margin'],
  month: ['mahina', 'mahine', 'mahinon', 'month', 'monthly', 'maheena', 'mahena'],
  send: ['bhejo', 'bhej', 'bhejna', 'bhejiye', 'bhejdo', 'send', 'forward', 'bhijwa', 'bhijwao', 'bhijwado', 'sms', 'message', 'msg', 'whatsapp', 'watsapp', 'vatsap'],
  copy: ['copy', 'kapi', 'pdf', 'photo', 'receipt'],
  set: ['kar', 'karo', 'kardo', 'karna', 'kariye', 'rakho', 'rakh', 'rakhna', 'make', 'set', 'change', 'badal', 'badlo', 'banao', 'karde', 'kr'],
  need: ['chahiye', 'chahie', 'chaiye', 'chaahiye', 'chahiyee', 'want', 'need', 'lena', 'lenge', 'dena', 'denge'],
  give: ['de', 'dena', 'dedo', 'dijiye', 'give', 'diya', 'de do'],
  more: ['aur', 'more', 'extra', 'add', 'plus', 'bhi', 'also'],
  forWord: ['liye', 'lie', 'for', 'waaste', 'vaaste'],
  question: ['kya', 'kaisa', 'kaise', 'kaisi', 'kab', 'kahan', 'kyun', 'kyon', 'kaun', 'what', 'how', 'when', 'where', 'why', 'who'],
  giveVerb: ['give', 'sell', 'bech', 'becho', 'tol', 'tolo', 'pack', 'pack karo'],
  place: ['saamne', 'samne', 'peeche', 'piche', 'bagal', 'kone', 'nukkad', 'gali', 'mod', 'chowk', 'paas', 'pas', 'wala', 'wale', 'wali', 'waale', 'waali', 'vala', 'vale', 'vali'],
};

export type Concept = keyof typeof WORDS;

/** The single working words as written (no phrases, no exact-only spellings), for the spelling repair. */
export const WORKING_WORDS: readonly string[] = [...new Set(Object.values(WORDS).flat().filter((w) => !w.startsWith('=') && !w.includes(' ')))];

const BY_KEY = new Map<string, Concept[]>();
/** Words whose key another word shares ("off"/"of"): compared as written. */
const BY_EXACT = new Map<string, Concept[]>();
const BY_PHRASE: { words: string[]; concept: Concept }[] = [];
for (const [concept, list] of Object.entries(WORDS) as [Concept, string[]][]) {
  for (const w of list) {
    if (w.startsWith('=')) {
      BY_EXACT.set(w.slice(1), [...(BY_EXACT.get(w.slice(1)) ?? []), concept]);
      continue;
    }
    if (w.includes(' ')) {
      BY_PHRASE.push({ words: w.split(' '), concept });
      continue;
    }
    // Short words ("aa", "na") would share a key with too much ("a"): compared as written.
    if (w.length <= 2) {
      BY_EXACT.set(w, [...(BY_EXACT.get(w) ?? []), concept]);
      continue;
    }
    const k = phoneticKey(w);
    const have = BY_KEY.get(k);
    if (!have) BY_KEY.set(k, [concept]);
    else if (!have.includes(concept)) have.push(concept);
  }
}

/** The meanings a single word can have ("hisaab": balance and summary). */
export function conceptsOf(t: Token): readonly Concept[] {
  const exact = BY_EXACT.get(t.norm);
  const keyed = BY_KEY.get(t.key) ?? [];
  return exact ? [...keyed, ...exact] : keyed;
}

export const hasConcept = (t: Token | undefined, c: Concept): boolean => t !== undefined && conceptsOf(t).includes(c);

/** Per concept, the indexes of the words that say it (multi-word phrases mark every word). */
export function conceptIndex(tokens: readonly Token[]): Map<Concept, number[]> {
  const out = new Map<Concept, number[]>();
  const add = (c: Concept, i: number) => {
    const list = out.get(c);
    if (list) list.push(i);
    else out.set(c, [i]);
  };
  tokens.forEach((t, i) => {
    for (const c of conceptsOf(t)) add(c, i);
  });
  for (const { words, concept } of BY_PHRASE) {
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((w, k) => tokens[i + k]!.norm === w)) for (let k = 0; k < words.length; k++) add(concept, i + k);
    }
  }
  return out;
}

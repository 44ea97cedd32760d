// India's GST state codes (the first two digits of a GSTIN, and the "place of supply" of a return).
// The shop and its customers store a state by name as typed in Settings or the customer form, so
// the lookup tolerates case, spaces, "&"/"and" and a few common short and old names.
const STATE_CODES: Readonly<Record<string, string>> = {
  'jammu and kashmir': '01',
  'himachal pradesh': '02',
  punjab: '03',
  chandigarh: '04',
  uttarakhand: '05',
  haryana: '06',
  delhi: '07',
  rajasthan: '08',
  'uttar pradesh': '09',
  bihar: '10',
  sikkim: '11',
  'arunachal pradesh': '12',
  nagaland: '13',
  manipur: '14',
  mizoram: '15',
  tripura: '16',
  meghalaya: '17',
  assam: '18',
  'west bengal': '19',
  jharkhand: '20',
  odisha: '21',
  chhattisgarh: '22',
  'madhya pradesh': '23',
  gujarat: '24',
  'dadra and nagar haveli and daman and diu': '26',
  maharashtra: '27',
  karnataka: '29',
  goa: '30',
  lakshadweep: '31',
  kerala: '32',
  'tamil nadu': '33',
  puducherry: '34',
  'andaman and nicobar islands': '35',
  telangana: '36',
  'andhra pradesh': '37',
  ladakh: '38',
};

const OTHER_NAMES: Readonly<Record<string, string>> = {
  'j and k': '01',
  jk: '01',
  uttaranchal: '05',
  'new delhi': '07',
  nct: '07',
  'nct of delhi': '07',
  up: '09',
  orissa: '21',
  mp: '23',
  'daman and diu': '26',
  'dadra and nagar haveli': '26',
  pondicherry: '34',
  'andaman and nicobar': '35',
  ap: '37',
  tn: '33',
  wb: '19',
};

const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The 2-digit GST state code of a state named as typed ("Uttar Pradesh", "uttar pradesh", "UP"),
 * or given as its code ("9", "09"); null when it is not an Indian state or union territory.
 */
export function stateCodeOf(nameOrCode: string | null | undefined): string | null {
  if (!nameOrCode) return null;
  const key = normalize(nameOrCode);
  if (/^\d{1,2}$/.test(key)) {
    const code = key.padStart(2, '0');
    return Object.values(STATE_CODES).includes(code) || code === '97' ? code : null;
  }
  return STATE_CODES[key] ?? OTHER_NAMES[key] ?? null;
}

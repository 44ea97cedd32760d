import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS } from '../../main/demo/catalog';
import { dropWords } from '../../main/voice/stt/sphinx/engine';
import { buildGrammar, customerForms, productForms, spokenForm } from '../../main/voice/stt/sphinx/grammar';
import { cleanVariants, hinglishToCmu, ipaToCmu } from '../../main/voice/stt/sphinx/pronounce';
import { buildDictionary, phoneLoop } from '../../main/voice/stt/sphinx/dictionary';
import { existsSync } from 'node:fs';

describe('catalog grammar', () => {
  it('speaks names as words: no pack sizes, punctuation or case', () => {
    expect(spokenForm('Amul Gold Milk 500ml')).toBe('amul gold milk');
    expect(spokenForm('Parle-G Biscuit')).toBe('parle g biscuit');
    expect(productForms({ name: 'Tata Salt 1kg', aliases: ['namak', 'Salt'] })).toEqual(['tata salt', 'namak', 'salt']);
  });

  it('names a customer by full name, first and last name and nickname, never by an honorific alone', () => {
    expect(customerForms({ name: 'Rakesh Verma', nickname: 'Rakesh bhai' })).toEqual(['rakesh verma', 'rakesh bhai', 'rakesh', 'verma']);
    expect(customerForms({ name: 'Sharma Ji', nickname: 'Sharma uncle' })).toEqual(['sharma ji', 'sharma uncle', 'sharma']);
  });

  it('builds one JSGF grammar from the shop catalog, with every word it can say listed once', () => {
    const g = buildGrammar({ products: DEMO_PRODUCTS, customers: DEMO_CUSTOMERS });
    expect(g.jsgf.startsWith('#JSGF V1.0;\ngrammar galla;\npublic <utterance> =')).toBe(true);
    for (const w of ['doodh', 'chawal', 'rakesh', 'verma', 'salim', 'udhaar', 'baaki', 'reminder', 'bhejo', 'pachattar', 'hazaar', 'upi']) expect(g.words).toContain(w);
    expect(g.words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(new Set(g.words).size).toBe(g.words.length);
    expect(buildGrammar({ products: DEMO_PRODUCTS, customers: DEMO_CUSTOMERS }).key).toBe(g.key);
    const more = buildGrammar({ products: [...DEMO_PRODUCTS, { name: 'Kurkure', aliases: [] }], customers: DEMO_CUSTOMERS });
    expect(more.key).not.toBe(g.key);
    expect(more.words).toContain('kurkure');
  });

  it('still builds for an empty shop', () => {
    const g = buildGrammar({ products: [], customers: [] });
    expect(g.jsgf).toContain('<product> = saaman;');
    expect(g.jsgf).toContain('<cust> = customer;');
  });

  it('drops words nobody can pronounce from their alternatives', () => {
    const out = dropWords('<product> = atta | xqz bar | doodh;\n<cust> = xqz;', new Set(['xqz']));
    expect(out).toBe('<product> = atta | doodh;\n<cust> = <VOID>;');
  });
});

describe('pronunciations in CMU phones', () => {
  it('reads romanised Hinglish by rule', () => {
    expect(hinglishToCmu('doodh')).toBe('D UW D');
    expect(hinglishToCmu('cheeni')).toBe('CH IY N IY');
    expect(hinglishToCmu('bhejo')).toBe('B EY JH OW');
    expect(hinglishToCmu('paanch')).toBe('P AA N CH');
    expect(hinglishToCmu('kela')).toBe('K EY L AA');
    expect(hinglishToCmu('upi')).toBe('Y UW P IY AY');
    expect(hinglishToCmu('mdh')).toBe('EH M D IY EY CH');
  });

  it('maps espeak-ng IPA to the model phones', () => {
    expect(ipaToCmu('dˈuːd')).toBe('D UW D');
    expect(ipaToCmu('(en)t͡ʃˈiːni(hi)')).toBe('CH IY N IY');
    expect(ipaToCmu('bˈæɾaʊ')).toBe('B AE D AW');
    expect(ipaToCmu('ɾˈaːkeːʃ')).toBe('R AA K EY SH');
  });

  it('keeps each reading once and only with known phones', () => {
    expect(cleanVariants(['D UW D', 'D  UW D', 'D XX D', ''])).toEqual(['D UW D']);
  });

  it('gives every grammar word a dictionary entry, Hinglish words by rule when espeak-ng is not used', async () => {
    const cmudict = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
    const d = await buildDictionary(['doodh', 'bread', 'do', 'rakesh'], { cmudictFile: existsSync(cmudict) ? cmudict : null, espeak: false });
    expect(d.missing).toEqual([]);
    expect(d.text).toMatch(/^doodh D UW D$/m);
    expect(d.text).toMatch(/^do D OW$/m);
    if (existsSync(cmudict)) expect(d.text).toMatch(/^bread B R EH D$/m);
  });

  it('writes a free phone loop over the 39 phones', () => {
    const loop = phoneLoop();
    expect(loop.dict.trim().split('\n')).toHaveLength(39);
    expect(loop.jsgf).toContain('public <loop> = (phoneaa | phoneae');
  });
});

import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../common/hinglish/tokens';
import type { Product } from '../../../common/types';
import { ProductMatcher } from './products';

let id = 0;
const product = (name: string, aliases: string[] = [], unit = 'piece'): Product => ({
  id: ++id, name, aliases, unit, barcode: null, pricePaise: 1000, stock: 10, hsn: null, gstRateBp: 0, lowStockThreshold: 1, createdAt: '', updatedAt: '',
});

const catalog = [
  product('Sugar', [], 'kg'),
  product('Mother Dairy Milk 1L', [], 'packet'),
  product('Dairy Milk Chocolate', ['cadbury']),
  product('Lux Soap', ['lux', 'sabun']),
  product('Haldi Powder 100g', ['haldi'], 'packet'),
  product('Lal Mirch Powder 100g', ['mirchi'], 'packet'),
  product('Bisleri 1L', ['paani ki bottle'], 'bottle'),
  product('Parle-G Biscuit', ['parle g'], 'packet'),
  product('Tamatar', ['tomato'], 'kg'),
  product('Double Roti', [], 'loaf'),
];
const matcher = new ProductMatcher(catalog);
const found = (text: string, fuzzy = true) => {
  const tokens = tokenize(text);
  return matcher.find(tokens, new Array<boolean>(tokens.length).fill(false), fuzzy).map((m) => m.product.name);
};

describe('ProductMatcher', () => {
  it('finds names and aliases, written apart or together', () => {
    expect(found('do parle g')).toEqual(['Parle-G Biscuit']);
    expect(found('ek parleg')).toEqual(['Parle-G Biscuit']);
    expect(found('ek doubleroti')).toEqual(['Double Roti']);
    expect(found('chaar paani ki bottle')).toEqual(['Bisleri 1L']);
  });

  it('knows the Hindi word for goods the catalog names in English', () => {
    expect(found('do kilo cheeni')).toEqual(['Sugar']);
    expect(found('ek chini')).toEqual(['Sugar']);
  });

  it('prefers the product whose name ends in what was said (milk is not the chocolate)', () => {
    expect(found('do doodh')).toEqual(['Mother Dairy Milk 1L']);
    expect(found('ek milk')).toEqual(['Mother Dairy Milk 1L']);
    expect(found('ek cadbury')).toEqual(['Dairy Milk Chocolate']);
  });

  it('joins neighbouring words of one product and keeps different ones apart', () => {
    expect(found('do lux sabun')).toEqual(['Lux Soap']);
    expect(found('ek mirchi powder')).toEqual(['Lal Mirch Powder 100g']);
    expect(found('haldi mirchi')).toEqual(['Haldi Powder 100g', 'Lal Mirch Powder 100g']);
  });

  it('reads near spellings only when asked to', () => {
    expect(found('ek kilo tamaatr', false)).toEqual([]);
    expect(found('ek kilo tamaatr')).toEqual(['Tamatar']);
    expect(found('gaana bajao')).toEqual([]);
  });

  it('does not take a quarter ("paav kilo") or a unit word for a product', () => {
    expect(found('paav kilo tamatar')).toEqual(['Tamatar']);
    expect(found('do bottle')).toEqual([]);
  });
});

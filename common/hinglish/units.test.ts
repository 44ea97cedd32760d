import { describe, expect, it } from 'vitest';
import { packSizeOf, toProductUnit, unitOf } from './units';

describe('unitOf', () => {
  it.each([
    ['kilo', 'kg'], ['kg', 'kg'], ['kilogram', 'kg'], ['gram', 'g'], ['gm', 'g'], ['litre', 'l'], ['liter', 'l'], ['ltr', 'l'], ['ml', 'ml'],
    ['packet', 'packet'], ['pkt', 'packet'], ['paket', 'packet'], ['bag', 'bag'], ['bora', 'bag'], ['bottle', 'bottle'], ['botal', 'bottle'],
    ['darjan', 'dozen'], ['dozen', 'dozen'], ['peti', 'crate'], ['dabba', 'box'], ['piece', 'piece'], ['pcs', 'piece'],
  ])('%s is %s', (w, u) => expect(unitOf(w)).toBe(u));

  it('knows no unit in ordinary words', () => {
    expect(unitOf('doodh')).toBeNull();
    expect(unitOf('teen')).toBeNull();
  });
});

describe('packSizeOf', () => {
  it('reads the pack size in a product name', () => {
    expect(packSizeOf('Tata Salt 1kg')).toEqual({ dim: 'mass', base: 1000 });
    expect(packSizeOf('Amul Taaza Milk 500ml')).toEqual({ dim: 'volume', base: 500 });
    expect(packSizeOf('Fortune Oil 1L')).toEqual({ dim: 'volume', base: 1000 });
    expect(packSizeOf('Haldi Powder 100 g')).toEqual({ dim: 'mass', base: 100 });
    expect(packSizeOf('Bread')).toBeNull();
  });
});

describe('toProductUnit', () => {
  const kg = { unit: 'kg', name: 'Moong Dal' };
  it('converts weights and volumes to a loose product unit', () => {
    expect(toProductUnit(500, 'g', kg)).toBe(0.5);
    expect(toProductUnit(250, 'g', kg)).toBe(0.25);
    expect(toProductUnit(2, 'kg', kg)).toBe(2);
    expect(toProductUnit(1, 'l', { unit: 'ml', name: 'Loose oil' })).toBe(1000);
  });

  it('counts packs from the pack size in the name', () => {
    expect(toProductUnit(1, 'l', { unit: 'bottle', name: 'Fortune Sunflower Oil 1L' })).toBe(1);
    expect(toProductUnit(2, 'kg', { unit: 'packet', name: 'Tata Salt 1kg' })).toBe(2);
    expect(toProductUnit(1, 'l', { unit: 'packet', name: 'Amul Taaza Milk 500ml' })).toBe(2);
    expect(toProductUnit(5, 'kg', { unit: 'bag', name: 'Aashirvaad Atta 10kg' })).toBe(0.5);
  });

  it('keeps the number when the conversion would be a different pack', () => {
    expect(toProductUnit(2, 'l', { unit: 'bottle', name: 'Coca-Cola 750ml' })).toBe(2);
  });

  it('counts dozens and containers', () => {
    expect(toProductUnit(1, 'dozen', { unit: 'piece', name: 'Eggs' })).toBe(12);
    expect(toProductUnit(4, 'bottle', { unit: 'bottle', name: 'Bisleri 1L' })).toBe(4);
    expect(toProductUnit(1, 'bag', { unit: 'bag', name: 'Atta' })).toBe(1);
    expect(toProductUnit(3, null, kg)).toBe(3);
  });
});

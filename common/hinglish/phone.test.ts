import { describe, expect, it } from 'vitest';
import { findPhone } from './phone';
import { tokenize } from './tokens';

const phone = (text: string) => findPhone(tokenize(text))?.digits ?? null;

describe('findPhone', () => {
  it.each([
    ['number 9876501234', '9876501234'],
    ['phone 98111 00222 save karo', '9811100222'],
    ['+91 98111-00222', '9811100222'],
    ['09811100222', '9811100222'],
    ['98 11 10 02 22', '9811100222'],
    ['nau aath ek ek ek do do teen teen teen', '9811122333'],
    ['९८७६५०१२३४', '9876501234'],
  ])('%s -> %s', (text, digits) => expect(phone(text)).toBe(digits));

  it('finds nothing in amounts, short numbers or numbers that are not mobiles', () => {
    expect(phone('Rahul ne 500 diye')).toBeNull();
    expect(phone('1234567890')).toBeNull();
    expect(phone('98111 00222 33')).toBeNull();
  });
});

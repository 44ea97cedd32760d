// A second shop for the engine's tests, unlike the eval's: other customers, other products,
// products with no Hindi aliases (the engine must know cheeni is sugar), two Ankits, a "Dairy Milk"
// that is chocolate, not milk. Loaded with loadCatalog() like the eval's catalog.
import { createServices, type Services } from '../../services';
import { fixedClock } from '../../commands/context';
import type { Actor } from '../../../common/actor';
import { loadCatalog } from './load-catalog';
import { dispatcherShop, type ShopView } from './shop';

export const TEST_NOW = new Date('2026-03-10T11:00:00+05:30');

export const TEST_SHOP = {
  shop: { name: 'Jain Provision Store', state: 'Madhya Pradesh' },
  customers: [
    { name: 'Ankit Jain', phone: '9826012345', nickname: 'Ankit bhaiya', landmark: 'bank ke peeche', balance: 2400 },
    { name: 'Ankit Verma', phone: '9826054321', landmark: 'station road', balance: 180 },
    { name: 'Salim Khan', phone: '9907711223', nickname: 'Salim chacha', balance: 960 },
    { name: 'Lakshmi Iyer', phone: '9425098765', balance: 0 },
    { name: 'Bablu', phone: '9300012345', balance: 45 },
    { name: 'Meena Kumari', phone: '9977001122', nickname: 'Meena aunty', landmark: 'hanuman mandir', balance: 1250 },
    { name: 'Harish Chandra', phone: '9893011111', balance: 700 },
    { name: 'Farooq Sheikh', phone: '9111122222', nickname: 'Farooq bhai', balance: 3300 },
    { name: 'Jyoti Sharma', phone: '9589033333', landmark: 'college ke saamne', balance: 0 },
    { name: 'Vikram Rathore', nickname: 'Thakur sahab', balance: 5000 },
  ],
  products: [
    { name: 'Sugar', price: 44, stock: 200, unit: 'kg', gstRate: 5 },
    { name: 'Sona Masoori Rice', aliases: ['sona masuri'], price: 62, stock: 150, unit: 'kg', gstRate: 5 },
    { name: 'Mother Dairy Milk 1L', aliases: ['mother dairy'], price: 66, stock: 60, unit: 'packet', gstRate: 0 },
    { name: 'Dairy Milk Chocolate', aliases: ['cadbury'], price: 40, stock: 100, unit: 'piece', gstRate: 18 },
    { name: 'Fortune Mustard Oil 1L', aliases: ['sarson tel'], price: 170, stock: 40, unit: 'bottle', gstRate: 5 },
    { name: 'Aashirvaad Atta 10kg', aliases: ['aashirvaad'], price: 520, stock: 20, unit: 'bag', gstRate: 5 },
    { name: 'Besan 500g', price: 55, stock: 30, unit: 'packet', gstRate: 5 },
    { name: 'Chana Dal', price: 95, stock: 50, unit: 'kg', gstRate: 5 },
    { name: 'Rajma', price: 140, stock: 25, unit: 'kg', gstRate: 5 },
    { name: 'Onion', price: 35, stock: 90, unit: 'kg', gstRate: 0 },
    { name: 'Potato', price: 25, stock: 120, unit: 'kg', gstRate: 0 },
    { name: 'Eggs', price: 6, stock: 300, unit: 'piece', gstRate: 0 },
    { name: 'Good Day Biscuit', aliases: ['good day'], price: 30, stock: 80, unit: 'packet', gstRate: 18 },
    { name: 'Britannia Bread', price: 40, stock: 25, unit: 'loaf', gstRate: 0 },
    { name: 'Red Label Tea 500g', aliases: ['red label'], price: 260, stock: 18, unit: 'packet', gstRate: 5 },
    { name: 'Tide Detergent 1kg', aliases: ['tide'], price: 120, stock: 6, unit: 'packet', gstRate: 18 },
    { name: 'Dettol Soap', aliases: ['dettol'], price: 45, stock: 40, unit: 'piece', gstRate: 18 },
    { name: 'Pepsi 2L', aliases: ['pepsi'], price: 95, stock: 24, unit: 'bottle', gstRate: 28 },
    { name: 'Kissan Jam', aliases: ['jam'], price: 110, stock: 4, unit: 'jar', gstRate: 12 },
    { name: 'Poha', price: 50, stock: 35, unit: 'kg', gstRate: 5 },
    { name: 'Amul Cheese Slices', aliases: ['cheese'], price: 120, stock: 10, unit: 'packet', gstRate: 12 },
    { name: 'Garlic', price: 200, stock: 8, unit: 'kg', gstRate: 0 },
  ],
};

export const VOICE_ACTOR: Actor = { role: 'cashier', source: 'voice', who: 'test' };
export const OWNER_VOICE: Actor = { role: 'owner', source: 'voice', who: 'test' };

/** A fresh in-memory shop holding TEST_SHOP, and the engine's view of it. */
export function testShop(): { services: Services; shop: ShopView & { dispose(): void } } {
  const services = createServices({ dataDir: null, clock: fixedClock(TEST_NOW) });
  loadCatalog(services.dispatcher, TEST_SHOP);
  return { services, shop: dispatcherShop(services.dispatcher, VOICE_ACTOR) };
}

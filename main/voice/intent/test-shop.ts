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

/** A third shop: brands without Hindi names, three Sharmas, a "5 Star", a customer called Chhotu chai wala. */
export const PAPPU_SHOP = { shop: { name: 'Pappu Kirana', state: 'Bihar' }, customers: [
    { name: 'Raja Babu', phone: '9431012345', nickname: 'Raja', balance: 410 },
    { name: 'Kamal Sharma', phone: '9431054321', landmark: 'masjid ke paas', balance: 1200 },
    { name: 'Neeraj Sharma', phone: '9431099999', nickname: 'Neeru', balance: 90 },
    { name: 'Sharmila Sharma', phone: '9431088888', landmark: 'post office', balance: 0 },
    { name: 'Chhotu', phone: '9431077777', nickname: 'Chhotu chai wala', balance: 2750 },
    { name: 'Shabnam Begum', phone: '9431066666', nickname: 'Shabnam aapa', balance: 530 },
    { name: 'Dinesh Prasad', phone: '9431055555', nickname: 'Master ji', landmark: 'school', balance: 6200 },
    { name: 'Lalita Singh', phone: '9431044444', balance: 75 }
  ], products: [
    { name: 'Daawat Basmati 5kg', aliases: ['daawat'], price: 650, stock: 12, unit: 'bag', gstRate: 5 },
    { name: 'Loose Chawal', aliases: ['mota chawal'], price: 40, stock: 300, unit: 'kg', gstRate: 0 },
    { name: 'Saffola Gold 1L', aliases: ['saffola'], price: 190, stock: 20, unit: 'pouch', gstRate: 5 },
    { name: 'Dhara Mustard Oil 1L', aliases: ['dhara', 'sarson ka tel'], price: 175, stock: 30, unit: 'bottle', gstRate: 5 },
    { name: 'Thums Up 750ml', aliases: ['thumbs up'], price: 40, stock: 36, unit: 'bottle', gstRate: 28 },
    { name: 'Sprite 750ml', aliases: ['sprite'], price: 40, stock: 24, unit: 'bottle', gstRate: 28 },
    { name: '5 Star', aliases: ['five star'], price: 10, stock: 100, unit: 'piece', gstRate: 18 },
    { name: 'Hide & Seek', aliases: ['hide and seek'], price: 30, stock: 40, unit: 'packet', gstRate: 18 },
    { name: 'Marie Gold', aliases: ['marie'], price: 25, stock: 50, unit: 'packet', gstRate: 18 },
    { name: 'Bournvita 500g', aliases: ['bournvita'], price: 240, stock: 6, unit: 'jar', gstRate: 18 },
    { name: 'Vim Bar', aliases: ['vim'], price: 10, stock: 80, unit: 'piece', gstRate: 18 },
    { name: 'Harpic 500ml', aliases: ['harpic'], price: 95, stock: 10, unit: 'bottle', gstRate: 18 },
    { name: 'Everest Garam Masala', aliases: ['garam masala'], price: 70, stock: 15, unit: 'packet', gstRate: 5 },
    { name: 'Nandini Milk 500ml', aliases: ['nandini'], price: 24, stock: 80, unit: 'packet', gstRate: 0 },
    { name: 'Amul Gold 1L', aliases: ['amul gold'], price: 68, stock: 40, unit: 'packet', gstRate: 0 },
    { name: 'Tata Sampann Toor Dal 1kg', aliases: ['tata dal'], price: 180, stock: 25, unit: 'packet', gstRate: 5 },
    { name: 'Masoor Dal', price: 110, stock: 40, unit: 'kg', gstRate: 5 },
    { name: 'Kanda', aliases: ['pyaz'], price: 30, stock: 70, unit: 'kg', gstRate: 0 },
    { name: 'Lehsun', price: 180, stock: 5, unit: 'kg', gstRate: 0 },
    { name: 'Anda', aliases: ['egg'], price: 7, stock: 240, unit: 'piece', gstRate: 0 },
    { name: 'Cigarette Gold Flake', aliases: ['gold flake', 'cigarette'], price: 18, stock: 200, unit: 'piece', gstRate: 28 },
    { name: 'Parle Rusk', aliases: ['rusk', 'toast'], price: 35, stock: 30, unit: 'packet', gstRate: 5 }
  ]
};

export const VOICE_ACTOR: Actor = { role: 'cashier', source: 'voice', who: 'test' };
export const OWNER_VOICE: Actor = { role: 'owner', source: 'voice', who: 'test' };

/** A fresh in-memory shop holding TEST_SHOP (or another catalog), and the engine's view of it. */
export function testShop(catalog: unknown = TEST_SHOP): { services: Services; shop: ShopView & { dispose(): void } } {
  const services = createServices({ dataDir: null, clock: fixedClock(TEST_NOW) });
  loadCatalog(services.dispatcher, catalog);
  return { services, shop: dispatcherShop(services.dispatcher, VOICE_ACTOR) };
}

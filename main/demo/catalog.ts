// The demo kirana: what `--demo` puts in an empty shop. Prices in rupees here, turned into paise
// by the seeder; barcodes are valid EAN-13 (check digit computed).
export interface DemoProduct {
  name: string;
  aliases: string[];
  price: number;
  stock: number;
  unit: string;
  gst: number;
  hsn: string;
}

export const DEMO_SHOP = {
  name: 'Gupta Kirana Store',
  address: 'Shop 4, Aminabad Market, Lucknow',
  state: 'Uttar Pradesh',
  upiVpa: 'guptakirana@okaxis',
};

export const DEMO_PRODUCTS: DemoProduct[] = [
  { name: 'Amul Gold Milk 500ml', aliases: ['doodh', 'dudh', 'milk'], price: 34, stock: 120, unit: 'packet', gst: 0, hsn: '0401' },
  { name: 'Harvest Gold Bread', aliases: ['bread', 'double roti', 'pav'], price: 45, stock: 60, unit: 'loaf', gst: 0, hsn: '1905' },
  { name: 'India Gate Basmati Rice', aliases: ['chawal', 'rice', 'basmati'], price: 120, stock: 150, unit: 'kg', gst: 5, hsn: '1006' },
  { name: 'Aashirvaad Atta 10kg', aliases: ['atta', 'aata', 'gehu ka atta'], price: 520, stock: 25, unit: 'bag', gst: 5, hsn: '1101' },
  { name: 'Sugar', aliases: ['cheeni', 'chini', 'shakkar'], price: 45, stock: 100, unit: 'kg', gst: 5, hsn: '1701' },
  { name: 'Toor Dal', aliases: ['arhar dal', 'toor', 'arhar'], price: 165, stock: 50, unit: 'kg', gst: 5, hsn: '0713' },
  { name: 'Chana Dal', aliases: ['chana', 'chane ki dal'], price: 95, stock: 40, unit: 'kg', gst: 5, hsn: '0713' },
  { name: 'Saffola Gold Oil 1L', aliases: ['tel', 'oil', 'saffola'], price: 190, stock: 45, unit: 'bottle', gst: 5, hsn: '1512' },
  { name: 'Dhara Mustard Oil 1L', aliases: ['sarson ka tel', 'mustard oil', 'sarson tel'], price: 175, stock: 30, unit: 'bottle', gst: 5, hsn: '1514' },
  { name: 'Tata Salt 1kg', aliases: ['namak', 'salt'], price: 28, stock: 80, unit: 'packet', gst: 0, hsn: '2501' },
  { name: 'Red Label Tea 500g', aliases: ['chai patti', 'chai', 'tea'], price: 290, stock: 20, unit: 'packet', gst: 5, hsn: '0902' },
  { name: 'Maggi Noodles 70g', aliases: ['maggi', 'noodles'], price: 14, stock: 200, unit: 'packet', gst: 12, hsn: '1902' },
  { name: 'Parle-G Biscuit', aliases: ['parle g', 'biscuit', 'parle'], price: 10, stock: 300, unit: 'packet', gst: 18, hsn: '1905' },
  { name: 'Good Day Biscuit', aliases: ['good day', 'cookie'], price: 30, stock: 8, unit: 'packet', gst: 18, hsn: '1905' },
  { name: 'Eggs', aliases: ['anda', 'ande', 'egg'], price: 7, stock: 180, unit: 'piece', gst: 0, hsn: '0407' },
  { name: 'Amul Butter 100g', aliases: ['butter', 'makkhan'], price: 58, stock: 30, unit: 'packet', gst: 12, hsn: '0405' },
  { name: 'Amul Ghee 1L', aliases: ['ghee', 'desi ghee'], price: 650, stock: 12, unit: 'tin', gst: 12, hsn: '0405' },
  { name: 'Mother Dairy Dahi 400g', aliases: ['dahi', 'curd'], price: 40, stock: 25, unit: 'cup', gst: 0, hsn: '0403' },
  { name: 'Paneer 200g', aliases: ['paneer'], price: 90, stock: 6, unit: 'packet', gst: 5, hsn: '0406' },
  { name: 'Aloo', aliases: ['potato', 'aaloo', 'alu'], price: 30, stock: 90, unit: 'kg', gst: 0, hsn: '0701' },
  { name: 'Pyaaz', aliases: ['onion', 'pyaj', 'kanda'], price: 40, stock: 70, unit: 'kg', gst: 0, hsn: '0703' },
  { name: 'Tamatar', aliases: ['tomato', 'tamaatar'], price: 35, stock: 40, unit: 'kg', gst: 0, hsn: '0702' },
  { name: 'Everest Haldi 100g', aliases: ['haldi', 'turmeric'], price: 32, stock: 40, unit: 'packet', gst: 5, hsn: '0910' },
  { name: 'MDH Lal Mirch 100g', aliases: ['lal mirch', 'mirchi', 'mirch powder'], price: 45, stock: 35, unit: 'packet', gst: 5, hsn: '0904' },
  { name: 'Jeera 100g', aliases: ['jeera', 'zeera', 'cumin'], price: 60, stock: 5, unit: 'packet', gst: 5, hsn: '0909' },
  { name: 'Lux Soap', aliases: ['sabun', 'lux', 'soap'], price: 38, stock: 60, unit: 'piece', gst: 18, hsn: '3401' },
  { name: 'Surf Excel 1kg', aliases: ['surf', 'detergent', 'kapde dhone ka powder'], price: 140, stock: 30, unit: 'packet', gst: 18, hsn: '3402' },
  { name: 'Colgate 200g', aliases: ['colgate', 'toothpaste', 'manjan'], price: 110, stock: 25, unit: 'piece', gst: 18, hsn: '3306' },
  { name: 'Bisleri 1L', aliases: ['paani', 'pani ki bottle', 'water'], price: 20, stock: 96, unit: 'bottle', gst: 18, hsn: '2201' },
  { name: 'Thums Up 750ml', aliases: ['thums up', 'cold drink', 'thumsup'], price: 40, stock: 48, unit: 'bottle', gst: 28, hsn: '2202' },
  { name: 'Maachis', aliases: ['matchbox', 'machis', 'teeli'], price: 2, stock: 400, unit: 'piece', gst: 12, hsn: '3605' },
  { name: 'Agarbatti', aliases: ['incense', 'dhoop'], price: 25, stock: 9, unit: 'packet', gst: 5, hsn: '3307' },
];

export interface DemoCustomer {
  name: string;
  phone?: string;
  nickname?: string;
  landmark?: string;
  creditLimit?: number;
  opening: number;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { name: 'Rakesh Verma', phone: '9839012345', nickname: 'Rakesh bhai', landmark: 'chauraha ke paas', creditLimit: 5000, opening: 1200 },
  { name: 'Rakesh Mishra', phone: '9415098765', landmark: 'hanuman mandir', opening: 450 },
  { name: 'Neha Srivastava', phone: '9936011122', landmark: 'bank ke saamne', opening: 0 },
  { name: 'Salim Khan', phone: '9807055566', nickname: 'Salim bhai', opening: 2300 },
  { name: 'Geeta Devi', phone: '9451234567', landmark: 'school wali gali', creditLimit: 3000, opening: 780 },
  { name: 'Dinesh Yadav', phone: '9795512340', nickname: 'Dinu', landmark: 'dudh dairy', opening: 150 },
  { name: 'Pooja Tiwari', phone: '9026677889', opening: 0 },
  { name: 'Harish Chandra', nickname: 'Harish chacha', opening: 600 },
  { name: 'Vikas Pandey', phone: '9889900112', landmark: 'petrol pump', opening: 0 },
  { name: 'Laxmi Agarwal', phone: '9305566778', nickname: 'Laxmi aunty', opening: 1950 },
  { name: 'Bablu', phone: '9161234500', opening: 90 },
  { name: 'Sharma Ji', phone: '9044332211', nickname: 'Sharma uncle', landmark: 'kothi number 12', creditLimit: 10000, opening: 3400 },
];

/** EAN-13 with a computed check digit from 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return first12 + String((10 - (sum % 10)) % 10);
}

/**
 * The demo catalog. The backend prices cart lines from here (the server is the source of truth
 * for prices). Shoppers see it, so it reads like a real shop's: tests that need markup in a title
 * bring their own product (`extraProducts` of the demo db) instead.
 */
import type { Money } from '../../core/api/types.js';

export interface DemoProduct {
  id: string;
  title: string;
  description: string;
  category: string;
  price: Money;
  /** Hex colour for a placeholder image. */
  color: string;
  variants: { sku: string; label: string }[];
}

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });

const sizes = (prefix: string, labels: string[]) =>
  labels.map((label) => ({ sku: `${prefix}-${label.toUpperCase()}`, label }));

/** Numeric sizes labelled with what they measure: "Sneaker (42)" would read like a quantity. */
const measured = (prefix: string, numbers: string[], label: (n: string) => string) =>
  numbers.map((n) => ({ sku: `${prefix}-${n}`, label: label(n) }));
const eu = (n: string) => `EU ${n}`;

export const PRODUCTS: DemoProduct[] = [
  // Clothing
  {
    id: 'tshirt-organic',
    title: 'Organic Cotton T-Shirt',
    description: 'Soft, mid-weight tee in GOTS-certified organic cotton with a relaxed fit.',
    category: 'clothing',
    price: eur('19.90'),
    color: '#e07a5f',
    variants: [
      ...sizes('TSHIRT-ORG', ['S', 'M', 'L', 'XL']),
      { sku: 'TSHIRT-NVY-M', label: 'Navy, M' },
      { sku: 'TSHIRT-NVY-L', label: 'Navy, L' },
    ],
  },
  {
    id: 'hoodie-fleece',
    title: 'Brushed Fleece Hoodie',
    description: 'Heavyweight hoodie with a brushed interior, kangaroo pocket and ribbed cuffs.',
    category: 'clothing',
    price: eur('54.00'),
    color: '#3d405b',
    variants: sizes('HOODIE-GRY', ['S', 'M', 'L', 'XL']),
  },
  {
    id: 'jeans-slim',
    title: 'Slim Selvedge Jeans',
    description: '13.5 oz Japanese selvedge denim, slim through the thigh with a tapered leg.',
    category: 'clothing',
    price: eur('89.00'),
    color: '#1d3557',
    variants: measured('JEANS-IND', ['30', '32', '34', '36'], (n) => `Waist ${n}`),
  },
  {
    id: 'jacket-rain',
    title: 'Packable Rain Jacket',
    description: 'Waterproof, breathable shell that packs into its own chest pocket.',
    category: 'clothing',
    price: eur('119.00'),
    color: '#f2cc8f',
    variants: sizes('JACKET-RAIN', ['S', 'M', 'L']),
  },
  {
    id: 'shirt-linen',
    title: 'Linen Camp-Collar Shirt',
    description: 'Breezy short-sleeve shirt in washed European linen.',
    category: 'clothing',
    price: eur('49.00'),
    color: '#a8dadc',
    variants: sizes('SHIRT-LIN', ['S', 'M', 'L']),
  },
  {
    id: 'sweater-merino',
    title: 'Merino Crew Sweater',
    description: 'Fine-gauge extra-fine merino wool; warm, light and machine washable.',
    category: 'clothing',
    price: eur('79.00'),
    color: '#6d597a',
    variants: sizes('MERINO-BRG', ['S', 'M', 'L']),
  },
  {
    id: 'socks-wool',
    title: 'Hiking Wool Socks (2 pairs)',
    description: 'Cushioned merino-blend socks for long days on your feet.',
    category: 'clothing',
    price: eur('16.00'),
    color: '#b56576',
    variants: [
      { sku: 'SOCKS-WOOL-3942', label: 'EU 39–42' },
      { sku: 'SOCKS-WOOL-4346', label: 'EU 43–46' },
    ],
  },
  {
    id: 'cap-canvas',
    title: 'Waxed Canvas Cap',
    description: 'Six-panel cap in water-repellent waxed cotton with a leather strap.',
    category: 'clothing',
    price: eur('29.00'),
    color: '#606c38',
    variants: [{ sku: 'CAP-OLV', label: 'Olive, one size' }],
  },
  // Shoes
  {
    id: 'sneaker-court',
    title: 'Leather Court Sneaker',
    description: 'Minimal low-top sneaker in full-grain leather on a stitched cupsole.',
    category: 'shoes',
    price: eur('95.00'),
    color: '#f1faee',
    variants: measured('SNEAKER-WHT', ['40', '41', '42', '43', '44'], eu),
  },
  {
    id: 'runner-trail',
    title: 'Trail Running Shoe',
    description: 'Grippy lugged outsole, rock plate and a breathable mesh upper.',
    category: 'shoes',
    price: eur('129.00'),
    color: '#ff6b35',
    variants: measured('TRAIL-ORG', ['41', '42', '43', '44'], eu),
  },
  {
    id: 'boot-chelsea',
    title: 'Suede Chelsea Boot',
    description: 'Water-resistant suede with elastic gussets and a crepe sole.',
    category: 'shoes',
    price: eur('159.00'),
    color: '#8d6346',
    variants: measured('CHELSEA-TAN', ['41', '42', '43'], eu),
  },
  {
    id: 'sandal-slide',
    title: 'Cork Footbed Slides',
    description: 'Two-strap slides with an anatomical cork footbed.',
    category: 'shoes',
    price: eur('45.00'),
    color: '#ddb892',
    variants: measured('SLIDE-BRN', ['38', '40', '42', '44'], eu),
  },
  // Home
  {
    id: 'mug-stoneware',
    title: 'Stoneware Mug',
    description: 'Reactive-glazed stoneware mug that holds a generous 350 ml; dishwasher safe.',
    category: 'home',
    price: eur('14.50'),
    color: '#264653',
    variants: [{ sku: 'MUG-STONE', label: '350 ml' }],
  },
  {
    id: 'mug-enamel',
    title: 'Enamel Camp Mug',
    description: 'Speckled enamel steel mug, 400 ml, made for coffee outdoors.',
    category: 'home',
    price: eur('12.00'),
    color: '#2a9d8f',
    variants: [
      { sku: 'MUG-ENM-BLU', label: 'Blue' },
      { sku: 'MUG-ENM-GRN', label: 'Green' },
    ],
  },
  {
    id: 'kettle-gooseneck',
    title: 'Gooseneck Pour-Over Kettle',
    description: 'Stainless steel kettle with a precise spout and a built-in thermometer.',
    category: 'home',
    price: eur('59.00'),
    color: '#9a8c98',
    variants: [{ sku: 'KETTLE-GN', label: '1 l' }],
  },
  {
    id: 'throw-wool',
    title: 'Lambswool Throw',
    description: 'Woven lambswool blanket with fringed edges, 130 × 180 cm.',
    category: 'home',
    price: eur('89.00'),
    color: '#c9ada7',
    variants: [
      { sku: 'THROW-OAT', label: 'Oatmeal' },
      { sku: 'THROW-RST', label: 'Rust' },
    ],
  },
  {
    id: 'lamp-desk',
    title: 'Adjustable Desk Lamp',
    description: 'Powder-coated steel task lamp with a dimmable warm-white LED.',
    category: 'home',
    price: eur('74.00'),
    color: '#ffb703',
    variants: [
      { sku: 'LAMP-DESK-BLK', label: 'Black' },
      { sku: 'LAMP-DESK-WHT', label: 'White' },
    ],
  },
  {
    id: 'sofa-modular',
    title: 'Modular Three-Seat Sofa',
    description: 'Deep-seated modular sofa in recycled boucle; made to order.',
    category: 'home',
    price: eur('1490.00'),
    color: '#adb5bd',
    variants: [
      { sku: 'SOFA-GRY', label: 'Grey boucle' },
      { sku: 'SOFA-SND', label: 'Sand boucle' },
    ],
  },
  {
    id: 'pan-cast-iron',
    title: 'Cast Iron Skillet 26 cm',
    description: 'Pre-seasoned cast iron for searing, baking and campfires.',
    category: 'home',
    price: eur('39.00'),
    color: '#343a40',
    variants: [{ sku: 'SKILLET-26', label: '26 cm' }],
  },
  {
    id: 'towel-set',
    title: 'Organic Bath Towel Set',
    description: 'Two bath towels and two hand towels in thick organic terry.',
    category: 'home',
    price: eur('49.00'),
    color: '#edf2f4',
    variants: [
      { sku: 'TOWEL-WHT', label: 'White' },
      { sku: 'TOWEL-SGE', label: 'Sage' },
    ],
  },
  {
    id: 'plant-pot',
    title: 'Terracotta Plant Pot',
    description: 'Hand-thrown terracotta pot with saucer, for indoor plants.',
    category: 'home',
    price: eur('18.00'),
    color: '#bc6c25',
    variants: [
      { sku: 'POT-TERRA-S', label: 'Small, 14 cm' },
      { sku: 'POT-TERRA-L', label: 'Large, 22 cm' },
    ],
  },
  // Electronics
  {
    id: 'headphones-anc',
    title: 'Wireless Noise-Cancelling Headphones',
    description: 'Over-ear headphones with adaptive noise cancelling and 40-hour battery.',
    category: 'electronics',
    price: eur('249.00'),
    color: '#212529',
    variants: [
      { sku: 'HEADPH-BLK', label: 'Black' },
      { sku: 'HEADPH-SLV', label: 'Silver' },
    ],
  },
  {
    id: 'earbuds',
    title: 'True Wireless Earbuds',
    description: 'Compact earbuds with a wireless charging case and IPX4 splash resistance.',
    category: 'electronics',
    price: eur('99.00'),
    color: '#4361ee',
    variants: [
      { sku: 'EARBUDS-WHT', label: 'White' },
      { sku: 'EARBUDS-BLK', label: 'Black' },
    ],
  },
  {
    id: 'speaker-portable',
    title: 'Portable Bluetooth Speaker',
    description: 'Rugged, waterproof speaker with 360° sound and 12-hour battery.',
    category: 'electronics',
    price: eur('79.00'),
    color: '#e63946',
    variants: [
      { sku: 'SPEAKER-RED', label: 'Red' },
      { sku: 'SPEAKER-TEL', label: 'Teal' },
    ],
  },
  {
    id: 'charger-gan',
    title: '65 W USB-C GaN Charger',
    description: 'Two-port fast charger small enough for a pocket; charges a laptop and a phone.',
    category: 'electronics',
    price: eur('39.00'),
    color: '#8ecae6',
    variants: [{ sku: 'CHARGER-65W', label: 'EU plug' }],
  },
  {
    id: 'powerbank',
    title: '20 000 mAh Power Bank',
    description: 'High-capacity USB-C power bank with pass-through charging.',
    category: 'electronics',
    price: eur('49.00'),
    color: '#023047',
    variants: [{ sku: 'POWERBANK-20K', label: '20 000 mAh' }],
  },
  {
    id: 'ereader',
    title: 'E-Reader 7"',
    description: 'Glare-free 300 ppi display, warm light and weeks of battery life.',
    category: 'electronics',
    price: eur('169.00'),
    color: '#588157',
    variants: [
      { sku: 'EREADER-16', label: '16 GB' },
      { sku: 'EREADER-32', label: '32 GB' },
    ],
  },
  {
    id: 'console-handheld',
    title: 'Handheld Game Console X',
    description: 'Next-generation handheld console with an OLED screen. Ships on release day.',
    category: 'electronics',
    price: eur('399.00'),
    color: '#7209b7',
    variants: [{ sku: 'CONSOLE-X', label: 'Standard edition' }],
  },
  {
    id: 'keyboard-mech',
    title: 'Mechanical Keyboard 75%',
    description: 'Hot-swappable 75% keyboard with gasket mount and PBT keycaps.',
    category: 'electronics',
    price: eur('139.00'),
    color: '#ffafcc',
    variants: [
      { sku: 'KEYB-75-US', label: 'US layout' },
      { sku: 'KEYB-75-NO', label: 'Nordic layout' },
    ],
  },
  {
    id: 'watch-fitness',
    title: 'GPS Fitness Watch',
    description: 'Lightweight GPS watch with heart-rate, sleep tracking and 10-day battery.',
    category: 'electronics',
    price: eur('199.00'),
    color: '#06d6a0',
    variants: [
      { sku: 'WATCH-GPS-S', label: 'Small band' },
      { sku: 'WATCH-GPS-L', label: 'Large band' },
    ],
  },
];

/** Every sku with its product, for lookups (in the catalog, or in `products`). */
export function findVariant(
  sku: string,
  products: readonly DemoProduct[] = PRODUCTS,
): { product: DemoProduct; variant: { sku: string; label: string } } | undefined {
  for (const product of products) {
    const variant = product.variants.find((v) => v.sku === sku);
    if (variant) return { product, variant };
  }
  return undefined;
}

export const ALL_SKUS: readonly string[] = PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku));

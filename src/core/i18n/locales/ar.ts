/**
 * Arabic (Modern Standard Arabic) templates for @lit/localize runtime mode, maintained by hand.
 * Keys are the explicit `msg()` ids; `${0}`, `${1}` ... are the source expressions by position.
 * `node scripts/check-i18n.mjs` fails when an id is missing here or no longer used.
 * Phrasing avoids number-noun agreement ("الكمية المتوفرة: ٥") so one form serves every count.
 */
import type { StrResult, TemplateMap } from '@lit/localize';

/**
 * The `str` tag of @lit/localize (same result type), defined here so that this module imports
 * nothing at run time: the script-tag build emits it as a chunk of data alone, and a chunk that
 * imported `str` from the bundle would force the bundle itself to split.
 */
const str = (strings: TemplateStringsArray, ...values: number[]): StrResult => ({
  strTag: true,
  strings,
  values,
});

export const templates: TemplateMap = {
  // Badge
  'stock.badge.inAtDistance': str`متوفر في ${0} (${1})`,
  'stock.badge.lowAtDistance': str`كمية محدودة في ${0} (${1})`,
  'stock.badge.inAt': str`متوفر في ${0}`,
  'stock.badge.lowAt': str`كمية محدودة في ${0}`,
  'stock.badge.notNearby': 'غير متوفر في المتاجر القريبة',
  'stock.badge.online.in': 'متوفر عبر الإنترنت',
  'stock.badge.online.low': 'كمية محدودة عبر الإنترنت',
  'stock.badge.online.out': 'غير متوفر عبر الإنترنت',
  'stock.badge.online.backorder': 'متاح للطلب المؤجل عبر الإنترنت',
  'stock.badge.online.preorder': 'متاح للحجز المسبق عبر الإنترنت',
  'stock.badge.unavailable': 'معلومات المخزون غير متاحة',
  'stock.badge.inAtMine': str`متوفر في متجرك، ${0}`,
  'stock.badge.lowAtMine': str`كمية محدودة في متجرك، ${0}`,
  'stock.badge.updated': str`(آخر تحديث ${0})`,
  'stock.checking': 'جارٍ التحقق من المخزون…',

  // Errors
  'stock.error.network': 'تعذّر الوصول إلى خدمة المتاجر. تحقّق من اتصالك بالإنترنت.',
  'stock.error.invalidResponse': 'معلومات المخزون غير متاحة حاليًا.',
  'stock.error.generic': 'حدث خطأ أثناء التحقق من المخزون. يُرجى المحاولة مرة أخرى.',
  'stock.error.retry': 'إعادة المحاولة',
  'stock.error.unsupported': 'لم يُفعّل هذا المتجر عرض مخزون الفروع بعد.',

  // Opening hours (times are the store's local time)
  'stock.hours.closed': 'مغلق',
  'stock.hours.unknown': 'ساعات العمل غير مُدرجة',
  'stock.hours.open24': 'مفتوح على مدار الساعة',
  'stock.hours.openUntil': str`مفتوح الآن · يُغلق الساعة ${0}`,
  'stock.hours.opensToday': str`مغلق · يفتح الساعة ${0}`,
  'stock.hours.opensTomorrow': str`مغلق · يفتح غدًا الساعة ${0}`,
  'stock.hours.opensLater': str`مغلق · يفتح ${0} الساعة ${1}`,

  // Location
  'location.nearPostal': str`بالقرب من ${0}`,
  'location.nearYou': 'بالقرب من موقعك',
  'location.change': 'تغيير الموقع',
  'location.cancel': 'إلغاء',
  'stock.location.prompt': 'ابحث عن هذا المنتج في متجر قريب منك.',
  'location.useMine': 'استخدم موقعي',
  'location.locating': 'جارٍ تحديد موقعك…',
  'location.or': 'أو',
  'location.postalLabel': 'الرمز البريدي',
  'location.submit': 'ابحث عن المتاجر',
  'location.countryLabel': 'البلد',
  'location.error.empty': 'أدخل الرمز البريدي.',
  'location.error.unknownPostal':
    'لم نتمكن من العثور على هذا الرمز البريدي. تحقّق منه وحاول مرة أخرى.',
  'location.error.denied':
    'خدمة تحديد الموقع مُعطَّلة لهذا الموقع الإلكتروني. أدخل الرمز البريدي بدلًا من ذلك، أو اسمح بتحديد الموقع من إعدادات المتصفح.',
  'location.error.unsupported':
    'لا يمكن لهذا المتصفح مشاركة موقعك. أدخل الرمز البريدي بدلًا من ذلك.',
  'location.error.timeout': 'استغرق تحديد موقعك وقتًا طويلًا. حاول مرة أخرى أو أدخل الرمز البريدي.',
  'location.error.unavailable': 'موقعك غير متاح حاليًا. أدخل الرمز البريدي بدلًا من ذلك.',
  'location.error.failed': 'تعذّر استخدام هذا الموقع. يُرجى المحاولة مرة أخرى.',
  'location.yourLocation': 'موقعك',

  // Summary (polite live region)
  'stock.summary.noLocation': 'اختر موقعًا لمعرفة توفر المنتج في المتاجر القريبة منك.',
  'stock.summary.noStores': str`لا توجد متاجر ضمن مسافة ${0} من ${1}.`,
  'stock.summary.none': str`لا يتوفر هذا المنتج في أي متجر بالقرب من ${0}.`,
  'stock.summary.one': str`يتوفر هذا المنتج في متجر واحد بالقرب من ${0}.`,
  'stock.summary.other': str`عدد المتاجر القريبة من ${1} التي يتوفر فيها المنتج: ${0}.`,

  // Stock status and quantity
  'stock.status.inStock': 'متوفر',
  'stock.status.lowStock': 'كمية محدودة',
  'stock.status.outOfStock': 'غير متوفر',
  'stock.status.backorder': 'متاح للطلب المؤجل',
  'stock.status.preorder': 'متاح للحجز المسبق',
  'stock.quantity.count': str`الكمية المتوفرة: ${0}`,
  'stock.quantity.onlyLeft': str`لم يتبقَّ سوى ${0}`,
  'stock.online': str`عبر الإنترنت: ${0}`,
  'stock.stale': str`آخر تحديث ${0}`,

  // Store
  'stock.myStore': 'متجري',
  'stock.store.directions': 'الاتجاهات',
  'stock.newTab': '(يُفتح في علامة تبويب جديدة)',
  'stock.store.setMine': 'اجعله متجري',
  'stock.store.forget': 'إلغاء اختياره كمتجري',
  'stock.store.chosen': str`أصبح ${0} متجرك.`,

  // Back in stock
  'stock.notify.prompt': 'احصل على رسالة بالبريد الإلكتروني عند توفر المنتج مجددًا.',
  'stock.notify.emailLabel': 'البريد الإلكتروني',
  'stock.notify.submit': 'أبلغني',
  'stock.notify.sending': 'جارٍ الإرسال…',
  'stock.notify.sent': 'شكرًا! سنراسلك بالبريد الإلكتروني عند توفر المنتج مجددًا.',
  'stock.notify.error.missing': 'أدخل بريدك الإلكتروني.',
  'stock.notify.error.invalid': 'أدخل بريدًا إلكترونيًا صالحًا، مثل name@example.com.',
  'stock.notify.error.rejected': 'لم يُقبل هذا البريد الإلكتروني. تحقّق منه وحاول مرة أخرى.',
  'stock.notify.error.failed': 'تعذّر تسجيل طلبك الآن. يُرجى المحاولة مرة أخرى.',

  // Cart
  'cart.title': 'سلتك',
  'cart.button': 'السلة',
  'cart.count': str`عدد المنتجات في السلة: ${0}`,
  'cart.close': 'إغلاق السلة',
  'cart.status.loading': 'جارٍ تحميل سلتك…',
  'cart.status.syncing': 'جارٍ حفظ تغييراتك…',
  'cart.status.offline': str`أنت غير متصل بالإنترنت. التغييرات التي تنتظر المزامنة: ${0}. ستُزامَن عند عودة الاتصال.`,
  'cart.status.error': str`تعذّر الوصول إلى المتجر. التغييرات التي تنتظر المزامنة: ${0}. سنواصل المحاولة.`,
  'cart.volatile': 'لا يستطيع هذا المتصفح حفظ سلتك: لن تبقى التغييرات بعد إعادة تحميل الصفحة.',
  'cart.removed': str`أُزيل ${0}.`,
  'cart.undo': 'تراجع',
  'cart.empty': 'سلتك فارغة.',
  'cart.dismiss': 'إغلاق الإشعار',
  'cart.notice.price': str`تغيّر سعر ${0} من ${1} إلى ${2}.`,
  'cart.notice.gone': str`أُزيل ${0} على جهاز آخر، لذا لم يُحفظ تغييرك عليه.`,
  'cart.notice.refused': str`تعذّرت إضافة ${0} أو تغييره كما طلبت، لذا أُلغي هذا التغيير.`,
  'cart.notice.restored': 'فقد المتجر سلتك، فأنشأنا سلة جديدة بالمنتجات نفسها. يُرجى مراجعتها.',
  'cart.choice.handoff': 'سلة من جهازك الآخر',
  'cart.choice.customer': 'سلتك المحفوظة',
  'cart.choice.question': str`عدد المنتجات فيها: ${0}. عدد المنتجات في هذه السلة: ${1}. ماذا تريد أن تفعل؟`,
  'cart.choice.combine': 'ادمجهما',
  'cart.choice.theirs': 'استخدم السلة الأخرى',
  'cart.choice.mine': 'احتفظ بهذه السلة',
  'cart.choice.later': 'ليس الآن',
  'cart.line.each': str`${0} للقطعة`,
  'cart.line.noPrice': 'يظهر السعر بعد المزامنة',
  'cart.line.qtyGroup': str`كمية ${0}`,
  'cart.line.less': 'إنقاص الكمية',
  'cart.line.more': 'زيادة الكمية',
  'cart.line.qty': 'الكمية',
  'cart.line.fulfillment': str`طريقة استلام ${0}`,
  'cart.line.ship': 'التوصيل',
  'cart.line.pickup': str`الاستلام من ${0}`,
  'cart.line.remove': 'إزالة',
  'cart.line.removeLabel': str`إزالة ${0}`,
  'cart.subtotal': 'المجموع الفرعي',
  'cart.subtotal.pending': 'يظهر المجموع الفرعي بعد مزامنة سلتك.',
  'cart.checkout': 'إتمام الشراء',
  'cart.checkout.wait': 'يُتاح إتمام الشراء بعد حفظ تغييراتك.',
  'cart.handoff.start': 'تابع على جهاز آخر',
  'cart.handoff.loading': 'جارٍ تجهيز الرابط…',
  'cart.handoff.failed': 'تعذّر الحصول على رابط الآن. تحقّق من اتصالك وحاول مرة أخرى.',
  'cart.handoff.retry': 'حاول مرة أخرى',
  'cart.handoff.lead': str`افتح هذا الرابط على جهازك الآخر أو امسح الرمز. يعمل مرة واحدة حتى ${0}.`,
  'cart.handoff.qr': 'رمز QR للرابط أعلاه',
  'cart.handoff.code': 'الرمز:',
  'cart.handoff.done': 'تم',
  'cart.handoff.claimed': 'وصلت سلتك من الجهاز الآخر.',
  'cart.handoff.merged': 'تم: يتشارك الجهازان هذه السلة الآن.',
  'cart.handoff.kept': 'احتفظت بهذه السلة، وهي غير مشتركة مع الجهاز الآخر.',
  'cart.handoff.expired':
    'انتهت صلاحية رابط متابعة السلة أو سبق استخدامه. اطلب رابطًا جديدًا من الجهاز الآخر.',
  'cart.handoff.notFound': 'رابط متابعة السلة غير صالح. تحقّق منه أو اطلب رابطًا جديدًا.',
  'cart.handoff.offline': 'أنت غير متصل بالإنترنت. اتصل لمتابعة السلة من جهازك الآخر.',
  'cart.handoff.error': 'تعذّرت متابعة السلة من جهازك الآخر. يُرجى المحاولة مرة أخرى.',

  // Add to cart
  'addToCart.add': 'أضف إلى السلة',
  'addToCart.added': 'أُضيف إلى سلتك.',
  'addToCart.how': 'طريقة الاستلام',
  'addToCart.outOfStock': 'غير متوفر',
  'addToCart.noDelivery': 'غير متاح للتوصيل',
  'addToCart.notAtStore': str`غير متوفر في ${0}`,
  'addToCart.notAtYourStore': 'غير متوفر في متجرك',
};

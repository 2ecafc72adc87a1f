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
  'stock.badge.backorder': 'متاح للطلب المؤجل',
  'stock.badge.preorder': 'متاح للحجز المسبق',
  'stock.badge.inAtMine': str`متوفر في متجرك، ${0}`,
  'stock.badge.lowAtMine': str`كمية محدودة في متجرك، ${0}`,
  'stock.badge.stale': '(قد يكون تغيّر)',
  'stock.checking': 'جارٍ التحقق من المخزون…',

  // Errors
  'stock.error.network': 'تعذّر الوصول إلى خدمة المتاجر الآن. يُرجى المحاولة بعد قليل.',
  'stock.error.offline': 'أنت غير متصل بالإنترنت. سيظهر المخزون عند عودة الاتصال.',
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
  'stock.status.backorderShips': str`متاح للطلب المؤجل، يُشحن اعتبارًا من ${0}`,
  'stock.status.preorderShips': str`متاح للحجز المسبق، يُشحن اعتبارًا من ${0}`,
  'stock.quantity.count': str`الكمية المتوفرة: ${0}`,
  'stock.quantity.onlyLeft': str`لم يتبقَّ سوى ${0}`,
  'stock.online': str`عبر الإنترنت: ${0}`,
  'stock.stale': str`آخر تحديث ${0}`,

  // Store
  'stock.myStore': 'متجري',
  'stock.store.directions': 'الاتجاهات',
  'stock.newTab': '(يُفتح في علامة تبويب جديدة)',
  'stock.store.setMine': 'اجعله متجري',
  'stock.store.showMore': str`عرض المتاجر الأخرى (${0})`,
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

  // Pickup selector (times are the store's local time)
  'pickup.location.prompt': 'ابحث عن متاجر قريبة منك لاستلام طلبك.',
  'pickup.checking': 'جارٍ التحقق من خيارات الاستلام…',
  'pickup.summary.count': str`متاجر الاستلام القريبة من ${0}: ${1}`,
  'pickup.summary.noStore': str`لا يوجد متجر قريب من ${0} يمكنه تجهيز هذا الطلب للاستلام.`,
  'pickup.summary.at': str`الاستلام من ${0} · ${1}`,
  'pickup.summary.atStore': str`الاستلام من ${0}`,
  'pickup.summary.none': 'اختر مكان استلام طلبك.',
  'pickup.change': 'تغيير',
  'pickup.choose': 'اختيار',
  'pickup.dialog.title': 'متجر الاستلام وموعده',
  'pickup.dialog.done': 'تم',
  'pickup.stores.legend': 'متجر الاستلام',
  'pickup.store.available': 'متوفر للاستلام',
  'pickup.store.unavailable': 'غير متوفر للاستلام هنا',
  'pickup.store.count': str`المنتجات المتوفرة: ${0} من ${1}`,
  'pickup.store.missing': str`${0} · غير متوفر: ${1}`,
  'pickup.ready.todayFrom': str`جاهز اليوم من الساعة ${0}`,
  'pickup.ready.todayAfter': str`جاهز اليوم بعد الساعة ${0}`,
  'pickup.ready.tomorrowFrom': str`جاهز غدًا من الساعة ${0}`,
  'pickup.ready.tomorrowAfter': str`جاهز غدًا بعد الساعة ${0}`,
  'pickup.ready.dateFrom': str`جاهز يوم ${0} من الساعة ${1}`,
  'pickup.ready.dateAfter': str`جاهز يوم ${0} بعد الساعة ${1}`,
  'pickup.hours.open': 'مفتوح الآن',
  'pickup.hours.closed': 'مغلق الآن',
  'pickup.hours.today': str`${0} · اليوم ${1}`,
  'pickup.hours.closedToday': 'مغلق اليوم',
  'pickup.slots.legend': 'موعد الاستلام',
  'pickup.slots.checking': 'جارٍ التحقق من مواعيد الاستلام…',
  'pickup.slots.none': 'لا توجد مواعيد استلام متاحة في هذا المتجر خلال الأيام القادمة.',
  'pickup.days.label': 'اليوم',
  'pickup.day.today': 'اليوم',
  'pickup.day.tomorrow': 'غدًا',
  'pickup.slot.full': 'مكتمل',
  'pickup.slot.left': str`المتبقي: ${0}`,
  'pickup.hold.placing': 'جارٍ حجز هذا الموعد لك…',
  'pickup.hold.held': str`حجزنا لك موعد ${0}.`,
  'pickup.hold.heldTime': 'حجزنا لك هذا الموعد.',
  'pickup.hold.left': str`الوقت المتبقي ${0}`,
  'pickup.hold.threshold': str`تبقّى ${0} لإتمام طلبك، وبعدها يُلغى حجز موعد الاستلام.`,
  'pickup.required.store': 'اختر متجرًا للاستلام.',
  'pickup.required.slot': 'اختر موعدًا للاستلام.',
  'pickup.error.full': 'اكتمل هذا الموعد للتو. اختر موعدًا آخر.',
  'pickup.error.gone': 'لم يعد بالإمكان حجز هذا الموعد. اختر موعدًا آخر.',
  'pickup.error.expired': 'انتهت مدة حجز موعد الاستلام. اختر موعدًا من جديد.',
  'pickup.error.restored': 'لم يعد موعد الاستلام الذي اخترته سابقًا متاحًا. اختر موعدًا آخر.',
  'pickup.error.storeGone': 'لم يعد هذا المتجر يوفّر خدمة الاستلام. اختر متجرًا آخر.',
  'pickup.error.unsupported': 'لم يُفعّل هذا المتجر خدمة الاستلام من الفروع بعد.',
  'pickup.error.failed': 'خدمة الاستلام غير متاحة حاليًا. يُرجى المحاولة مرة أخرى.',

  // Shipping estimator (dates and times in the shopper's locale; store times are the store's)
  'shipping.location.prompt': 'أدخل رمزك البريدي لمعرفة مواعيد التوصيل بدقة.',
  'shipping.location.submit': 'عرض المواعيد',
  'shipping.location.postal': str`التوصيل إلى ${0}`,
  'shipping.location.country': str`التوصيل داخل ${0}`,
  'shipping.loading': 'جارٍ حساب مواعيد التوصيل…',
  'shipping.methods': 'خيارات التوصيل',
  'shipping.free': 'مجانًا',
  'shipping.arrives': str`يصلك ${0}`,
  'shipping.arrivesRange': str`يصلك خلال ${0}`,
  'shipping.orderBy': str`اطلبه قبل ${0} ليصلك بحلول ${1}`,
  'shipping.orderWithin': str`اطلبه خلال ${0} ليصلك بحلول ${1}`,
  'shipping.orderWithin.today': str`اطلبه خلال ${0} ليصلك اليوم`,
  'shipping.orderWithin.tomorrow': str`اطلبه خلال ${0} ليصلك غدًا`,
  'shipping.lessThanMinute': 'أقل من دقيقة',
  'shipping.pickup.todayAfter': str`أو استلمه اليوم من ${1} بعد الساعة ${0}`,
  'shipping.pickup.todayFrom': str`أو استلمه اليوم من ${1} بدءًا من الساعة ${0}`,
  'shipping.pickup.tomorrowAfter': str`أو استلمه غدًا من ${1} بعد الساعة ${0}`,
  'shipping.pickup.tomorrowFrom': str`أو استلمه غدًا من ${1} بدءًا من الساعة ${0}`,
  'shipping.pickup.dayAfter': str`أو استلمه يوم ${0} من ${2} بعد الساعة ${1}`,
  'shipping.pickup.dayFrom': str`أو استلمه يوم ${0} من ${2} بدءًا من الساعة ${1}`,
  'shipping.freeGap': str`أضف ${0} إلى سلتك لتحصل على توصيل مجاني`,
  'shipping.stale': str`آخر تحديث لمواعيد التوصيل ${0}، وقد تكون تغيّرت.`,
  'shipping.empty': 'يتعذّر علينا تقدير مواعيد التوصيل حاليًا.',
  'shipping.unsupported': str`عذرًا، لا نوفّر التوصيل إلى ${0}.`,
  'shipping.error.notSetUp': 'لم يُفعّل هذا المتجر تقدير مواعيد التوصيل بعد.',
  'shipping.error.network': 'تعذّر الوصول إلى المتجر لتقدير موعد التوصيل. تحقّق من اتصالك بالإنترنت.',
  'shipping.error.unavailable': 'تقديرات التوصيل غير متاحة حاليًا.',
  'shipping.retry': 'إعادة المحاولة',
};

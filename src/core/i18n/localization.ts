/**
 * @lit/localize in runtime mode, configured once per page. English is the source locale and is
 * built in; each other language's templates (generated from xliff/<locale>.xlf into
 * ./locales/<locale>.ts by `npm run i18n:build`) are loaded on first use with a dynamic
 * `import()`, which the script-tag build emits as a chunk of its own next to the bundle (resolved
 * relative to the bundle's own URL), so a page downloads only its own language. When a locale
 * cannot be loaded, the widgets stay in English and a warning says why.
 *
 * Two bundles on one merchant page may each carry their own copy of @lit/localize (each must be
 * configured) or share one (configuring it twice throws). Every configured copy registers its
 * handle in a page-wide registry under `Symbol.for`, so `setOmniLocale` switches all of them and
 * a copy configured later starts in the page's current locale.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';

/** English, Arabic, Swahili, Filipino, Norwegian Bokmål, Lithuanian (lit-localize.json). */
export const SUPPORTED_LOCALES = ['en', 'ar', 'sw', 'fil', 'nb', 'lt'] as const;
export type OmniLocale = (typeof SUPPORTED_LOCALES)[number];

const SOURCE_LOCALE: OmniLocale = 'en';
/**
 * How each target locale's templates are loaded. Mutable only as a test seam (to simulate a
 * failed download); the script-tag build turns every `import()` here into its own chunk.
 */
export const localeLoaders: Record<Exclude<OmniLocale, 'en'>, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  sw: () => import('./locales/sw.js'),
  fil: () => import('./locales/fil.js'),
  nb: () => import('./locales/nb.js'),
  lt: () => import('./locales/lt.js'),
};

/**
 * Language subtags that one of ours answers for: Norwegian (`no`) and Nynorsk (`nn`) readers get
 * Bokmål, Tagalog (`tl`) readers Filipino. Kept in step with the loader's copy (src/loader.ts),
 * which `npm run lint` compares.
 */
const ALIASES: Readonly<Record<string, OmniLocale>> = { no: 'nb', nn: 'nb', tl: 'fil' };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

interface LocalizationHandle {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

interface LocalizationRegistry {
  locale: OmniLocale;
  handles: LocalizationHandle[];
}

const REGISTRY_KEY = Symbol.for('omnishelf:localization');

function registry(): LocalizationRegistry {
  const scope = globalThis as unknown as Record<symbol, LocalizationRegistry | undefined>;
  let value = scope[REGISTRY_KEY];
  if (!value) {
    value = { locale: SOURCE_LOCALE, handles: [] };
    scope[REGISTRY_KEY] = value;
  }
  return value;
}

function configureOnce(): void {
  const page = registry();
  let handle: LocalizationHandle;
  try {
    handle = configureLocalization({
      sourceLocale: SOURCE_LOCALE,
      targetLocales: SUPPORTED_LOCALES.filter((l) => l !== SOURCE_LOCALE),
      loadLocale: (locale) => localeLoaders[locale as keyof typeof localeLoaders](),
    });
  } catch {
    // This copy of @lit/localize was already configured (by another bundle sharing it); that
    // bundle's handle is in the registry and drives it.
    return;
  }
  page.handles.push(handle);
  const locale = page.locale;
  if (locale !== SOURCE_LOCALE) {
    handle.setLocale(locale).catch((error: unknown) => fallBack(locale, error));
  }
}

configureOnce();

function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Answers of `matchLocale` by tag: it runs on every render of every widget. */
const matchCache = new Map<string, OmniLocale | undefined>();

/**
 * The supported language a BCP 47 tag reads: its language subtag, region and script dropped
 * ('ar-EG' -> 'ar', 'sw-TZ' -> 'sw', 'nb-NO' -> 'nb'), aliases followed ('no', 'nn' -> 'nb';
 * 'tl' -> 'fil'); undefined for any other language.
 */
export function matchLocale(tag: string | null | undefined): OmniLocale | undefined {
  if (!tag) return undefined;
  if (matchCache.has(tag)) return matchCache.get(tag);
  const language = primaryLanguage(tag);
  const found = (SUPPORTED_LOCALES as readonly string[]).includes(language)
    ? (language as OmniLocale)
    : Object.hasOwn(ALIASES, language)
      ? ALIASES[language]
      : undefined;
  if (matchCache.size < 100) matchCache.set(tag, found);
  return found;
}

/**
 * `tag` spelled with the supported language it reads, its region and script kept, for
 * formatting in step with the text ('nn-NO' -> 'nb-NO', 'tl-PH' -> 'fil-PH', 'ar-EG' as is);
 * undefined when it reads none of ours.
 */
export function localeTag(tag: string | null | undefined): string | undefined {
  const locale = matchLocale(tag);
  if (!locale || !tag) return undefined;
  const [, ...rest] = tag.trim().split(/[-_]/);
  return [locale, ...rest].join('-');
}

/** The browser's languages, most preferred first. */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * The supported locale for a preference. A language tag is matched as in `matchLocale`
 * ('ar-EG' -> 'ar', 'no' -> 'nb'); 'auto' (or empty) takes the best match of `<html lang>`, then
 * of the browser's languages in their order of preference; no match -> 'en'.
 */
export function resolveLocale(
  pref: string,
  doc: Document | undefined = globalThis.document,
): OmniLocale {
  const wanted = typeof pref === 'string' ? pref.trim() : '';
  if (wanted !== '' && wanted.toLowerCase() !== 'auto') return matchLocale(wanted) ?? SOURCE_LOCALE;
  for (const tag of [doc?.documentElement?.lang, ...browserLanguages()]) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}

/** A locale failed to load: warn, and put every widget back on the source locale (English). */
async function fallBack(locale: OmniLocale, error: unknown): Promise<void> {
  const page = registry();
  // A newer request replaced this one; it decides the locale.
  if (page.locale !== locale) return;
  console.warn(`[omnishelf] could not load the "${locale}" translations; showing English.`, error);
  page.locale = SOURCE_LOCALE;
  await Promise.all(page.handles.map((handle) => handle.setLocale(SOURCE_LOCALE)));
}

/**
 * Switches every Omnishelf widget on the page to `locale` (resolved as in `resolveLocale`).
 * Resolves once the widgets render in it, loading its translations first when needed; when they
 * cannot be loaded (offline, a missing file), warns and resolves with English active instead.
 */
export async function setOmniLocale(locale: string): Promise<void> {
  const page = registry();
  const next = resolveLocale(locale);
  page.locale = next;
  try {
    await Promise.all(page.handles.map((handle) => handle.setLocale(next)));
  } catch (error) {
    await fallBack(next, error);
  }
}

/**
 * True once the widgets render in the language the page asked for: false while its translations
 * load (widgets then show placeholders without text, so that a page in Arabic never shows
 * English first, to the eye or to a screen reader).
 */
export function isLocaleSettled(): boolean {
  const page = registry();
  const handle = page.handles[0];
  return !handle || matchLocale(handle.getLocale()) === page.locale;
}

/** The active locale of the widgets. */
export function getOmniLocale(): OmniLocale {
  const handle = registry().handles[0];
  return matchLocale(handle?.getLocale()) ?? SOURCE_LOCALE;
}

/** True for right-to-left scripts (Arabic, Hebrew, Persian, Urdu ...): of ours, Arabic only. */
export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(primaryLanguage(locale));
}

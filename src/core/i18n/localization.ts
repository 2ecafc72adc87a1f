/**
 * @lit/localize in runtime mode, configured once per page. English is the source locale; the
 * Arabic templates are imported statically so the script-tag bundle stays a single ES module.
 *
 * Two bundles on one merchant page may each carry their own copy of @lit/localize (each must be
 * configured) or share one (configuring it twice throws). Every configured copy registers its
 * handle in a page-wide registry under `Symbol.for`, so `setOmniLocale` switches all of them and
 * a copy configured later starts in the page's current locale.
 */
import { configureLocalization } from '@lit/localize';
import { templates as arTemplates } from './locales/ar.js';

export const SUPPORTED_LOCALES = ['en', 'ar'] as const;
export type OmniLocale = (typeof SUPPORTED_LOCALES)[number];

const SOURCE_LOCALE: OmniLocale = 'en';
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
      loadLocale: async (locale) =>
        locale === 'ar' ? { templates: arTemplates } : { templates: {} },
    });
  } catch {
    // This copy of @lit/localize was already configured (by another bundle sharing it); that
    // bundle's handle is in the registry and drives it.
    return;
  }
  page.handles.push(handle);
  if (page.locale !== SOURCE_LOCALE) {
    handle.setLocale(page.locale).catch(() => undefined);
  }
}

configureOnce();

function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function supported(tag: string | null | undefined): OmniLocale | undefined {
  if (!tag) return undefined;
  const language = primaryLanguage(tag);
  return (SUPPORTED_LOCALES as readonly string[]).includes(language)
    ? (language as OmniLocale)
    : undefined;
}

/**
 * The supported locale for a preference: 'auto' (or empty) follows `<html lang>`, then
 * `navigator.language`; a region or script is dropped ('ar-EG' -> 'ar'); anything else -> 'en'.
 */
export function resolveLocale(
  pref: string,
  doc: Document | undefined = globalThis.document,
): OmniLocale {
  const wanted = typeof pref === 'string' ? pref.trim() : '';
  if (wanted !== '' && wanted.toLowerCase() !== 'auto') return supported(wanted) ?? SOURCE_LOCALE;
  const fromPage = doc?.documentElement?.lang;
  if (fromPage) return supported(fromPage) ?? SOURCE_LOCALE;
  const fromBrowser = typeof navigator !== 'undefined' ? navigator.language : undefined;
  return supported(fromBrowser) ?? SOURCE_LOCALE;
}

/** Switches every Omnishelf widget on the page to `locale` (resolved as in `resolveLocale`). */
export async function setOmniLocale(locale: string): Promise<void> {
  const page = registry();
  const next = resolveLocale(locale);
  page.locale = next;
  await Promise.all(page.handles.map((handle) => handle.setLocale(next)));
}

/** The active locale of the widgets. */
export function getOmniLocale(): OmniLocale {
  const handle = registry().handles[0];
  return supported(handle?.getLocale()) ?? SOURCE_LOCALE;
}

/** True for right-to-left scripts (Arabic, Hebrew, Persian, Urdu ...). */
export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(primaryLanguage(locale));
}

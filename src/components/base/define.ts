/**
 * Guarded element registration. Defining a tag twice is harmless: the same class again is
 * ignored; another class (a second copy of Omnishelf on the page, perhaps another version) is
 * ignored with one console warning naming both versions.
 */
import { VERSION } from '../../version.js';

const VERSION_KEY = Symbol.for('omnishelf:version');
const warned = new Set<string>();

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

/** The Omnishelf version that defined `tag`, if Omnishelf did. */
export function definedVersion(tag: string): string | undefined {
  return (customElements.get(tag) as Versioned | undefined)?.[VERSION_KEY];
}

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as Versioned | undefined;
  if (!existing) {
    Object.defineProperty(ctor, VERSION_KEY, { value: VERSION, configurable: true });
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const message = `[omnishelf] <${tag}> is already defined (Omnishelf ${
    existing[VERSION_KEY] ?? 'unknown version, or another library'
  }); this copy (Omnishelf ${VERSION}) is ignored.`;
  if (!warned.has(message)) {
    warned.add(message);
    console.warn(message);
  }
}

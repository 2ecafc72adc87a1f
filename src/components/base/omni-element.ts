/**
 * The base of every Omnishelf widget: ElementInternals and custom states, the page's language and
 * direction, and focus that stays where the shopper is after a re-render. Form controls add
 * `FormAssociated` (form-associated.ts). Registration is `defineElement` (define.ts), after the
 * class, so that the class module is importable without defining anything twice.
 */
import { LitElement } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import {
  getOmniLocale,
  isLocaleSettled,
  isRtl,
  localeTag,
  matchLocale,
} from '../../core/i18n/localization.js';

export class OmniElement extends LitElement {
  /** Null where the browser has no ElementInternals (custom states are then an enhancement). */
  protected readonly internals: ElementInternals | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    let internals: ElementInternals | null = null;
    try {
      internals = this.attachInternals();
    } catch {
      internals = null;
    }
    this.internals = internals;
  }

  /** The active language of the widgets (`en`, `ar` ...). */
  protected get activeLocale(): string {
    return getOmniLocale();
  }

  /**
   * False while the page's language is still loading: render placeholders without text then
   * (the element updates again once it is active).
   */
  protected get localeReady(): boolean {
    return isLocaleSettled();
  }

  /** `rtl` or `ltr`, for the active language. */
  protected get direction(): 'rtl' | 'ltr' {
    return isRtl(this.activeLocale) ? 'rtl' : 'ltr';
  }

  /**
   * The most specific tag for formatting that matches the active language (en-GB, ar-EG, nb-NO
   * ...): the configured locale, then `<html lang>`, then the browser's, else the language
   * itself. A tag of a language ours answers for is spelled with ours ('nn-NO' -> 'nb-NO',
   * 'tl-PH' -> 'fil-PH'), so that dates and numbers read like the text around them.
   */
  protected formatLocaleFor(configured: string | undefined): string {
    const active = this.activeLocale;
    const candidates = [
      configured && configured !== 'auto' ? configured : undefined,
      typeof document !== 'undefined' ? document.documentElement.lang : undefined,
      typeof navigator !== 'undefined' ? navigator.language : undefined,
    ];
    for (const tag of candidates) {
      if (matchLocale(tag) === active) return localeTag(tag) ?? active;
    }
    return active;
  }

  /** Turns custom states (`:state(loading)` ...) on and off. */
  protected setStates(flags: Record<string, boolean>): void {
    const states = this.internals?.states;
    if (!states) return;
    for (const [name, on] of Object.entries(flags)) {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // Older Chromium only accepted the dashed form.
        try {
          if (on) states.add(`--${name}`);
          else states.delete(`--${name}`);
        } catch {
          /* CustomStateSet unsupported: the states are an enhancement */
        }
      }
    }
  }

  /** True when this widget has a custom state on. */
  hasState(name: string): boolean {
    try {
      return this.internals?.states?.has(name) ?? false;
    } catch {
      return false;
    }
  }

  /**
   * After the next render, focuses the first element matching `selector`: only for a shopper who
   * acted here (`within`, read before the action), and only while focus is still inside or fell
   * to the body with the control it was on.
   */
  protected async focusAfterUpdate(
    selector: string,
    within = this.matches(':focus-within'),
  ): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (within && (!active || active === document.body || this.matches(':focus-within'))) {
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }
}

/**
 * Form association for widgets that are form controls (the pickup selector): `name`, `required`
 * and `disabled`, a value submitted with the form, validity with a localized message, and the
 * form's reset and restore (back/forward cache, autofill). Subclasses say what their value is
 * (`formValue`), whether it is missing (`valueMissing`) and how to reset and restore themselves.
 */
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OmniElement } from './omni-element.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern needs any[]
type Constructor<T> = abstract new (...args: any[]) => T;

/** What the mixin adds. */
export interface FormControl {
  /** The name the value is submitted under. */
  name: string;
  /** The form cannot be submitted without a value. */
  required: boolean;
  /** Not editable and not submitted (also when a surrounding `<fieldset>` is disabled). */
  disabled: boolean;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState | undefined;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

/** What a form control implements. */
export interface FormControlImpl {
  /** The submitted value (`null`: nothing), also what is restored on back/forward navigation. */
  formValue(): string | FormData | null;
  /** The localized message for a missing required value. */
  valueMissingMessage(): string;
  /** True when there is no value to submit. */
  isEmpty(): boolean;
  /** Back to the initial state (the form was reset). */
  resetForm(): void;
  /** Back to a state the browser restored (`formValue()` from before). */
  restoreForm(state: string | FormData): void;
  /** The element that receives focus when the form reports this control invalid. */
  validationAnchor(): HTMLElement | undefined;
}

/**
 * The members `FormAssociated` adds, as declaration files describe them: the mixin's own class is
 * anonymous outside this function, and TypeScript cannot emit an anonymous class type with
 * protected members (TS4094) for `dist/esm`.
 */
export declare abstract class FormAssociatedMembers implements FormControl, FormControlImpl {
  static formAssociated: boolean;
  name: string;
  required: boolean;
  disabled: boolean;
  /** Set by a disabled `<fieldset>` around the control. */
  protected fieldsetDisabled: boolean;
  get form(): HTMLFormElement | null;
  get validity(): ValidityState | undefined;
  get validationMessage(): string;
  get willValidate(): boolean;
  /** True when disabled itself or by a surrounding fieldset. */
  protected get isDisabled(): boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  abstract formValue(): string | FormData | null;
  abstract valueMissingMessage(): string;
  abstract isEmpty(): boolean;
  abstract resetForm(): void;
  abstract restoreForm(state: string | FormData): void;
  abstract validationAnchor(): HTMLElement | undefined;
  /** Call when the value, `required` or the language changed. */
  protected updateFormState(): void;
  formResetCallback(): void;
  formStateRestoreCallback(state: string | FormData | null): void;
  formDisabledCallback(disabled: boolean): void;
}

export function FormAssociated<T extends Constructor<OmniElement>>(
  Base: T,
): T & Constructor<FormAssociatedMembers> & { formAssociated: boolean } {
  abstract class FormAssociatedElement extends Base implements FormControl, FormControlImpl {
    static formAssociated = true;

    /** The name the value is submitted under. */
    @property({ reflect: true }) name = '';
    /** The form cannot be submitted without a value. */
    @property({ type: Boolean, reflect: true }) required = false;
    /** Not editable and not submitted (also inside a disabled `<fieldset>`). */
    @property({ type: Boolean, reflect: true }) disabled = false;

    /** Set by a disabled `<fieldset>` around the control. */
    protected fieldsetDisabled = false;

    /** The form the control belongs to. */
    get form(): HTMLFormElement | null {
      return this.internals?.form ?? null;
    }

    /** Its validity (`valueMissing` while required and empty). */
    get validity(): ValidityState | undefined {
      return this.internals?.validity;
    }

    /** Why it is invalid, in the page's language. */
    get validationMessage(): string {
      return this.internals?.validationMessage ?? '';
    }

    /** False while disabled. */
    get willValidate(): boolean {
      return this.internals?.willValidate ?? false;
    }

    /** True when disabled itself or by a surrounding fieldset. */
    protected get isDisabled(): boolean {
      return this.disabled || this.fieldsetDisabled;
    }

    checkValidity(): boolean {
      return this.internals?.checkValidity() ?? true;
    }

    reportValidity(): boolean {
      return this.internals?.reportValidity() ?? true;
    }

    abstract formValue(): string | FormData | null;
    abstract valueMissingMessage(): string;
    abstract isEmpty(): boolean;
    abstract resetForm(): void;
    abstract restoreForm(state: string | FormData): void;
    abstract validationAnchor(): HTMLElement | undefined;

    /** Call when the value, `required` or the language changed. */
    protected updateFormState(): void {
      const internals = this.internals;
      if (!internals?.setFormValue) return;
      const value = this.isDisabled ? null : this.formValue();
      internals.setFormValue(value, value);
      if (this.required && !this.isDisabled && this.isEmpty()) {
        internals.setValidity(
          { valueMissing: true },
          this.valueMissingMessage(),
          this.validationAnchor(),
        );
      } else {
        internals.setValidity({});
      }
    }

    protected override updated(changed: PropertyValues<this>): void {
      super.updated(changed);
      this.updateFormState();
    }

    formResetCallback(): void {
      this.resetForm();
      this.requestUpdate();
    }

    formStateRestoreCallback(state: string | FormData | null): void {
      if (state !== null) this.restoreForm(state);
      this.requestUpdate();
    }

    formDisabledCallback(disabled: boolean): void {
      this.fieldsetDisabled = disabled;
      this.requestUpdate();
    }
  }
  // Protected members make the two class types unrelated for TypeScript; they are the same shape.
  return FormAssociatedElement as unknown as T &
    Constructor<FormAssociatedMembers> & { formAssociated: boolean };
}

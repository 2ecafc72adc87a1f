/**
 * The behaviour every Omnishelf form control shares (`FormAssociated`), as one suite that each
 * control's test file runs against itself (the idea of Shoelace's `form-control-base-tests.ts`):
 *
 * ```ts
 * runFormControlSuite<OmniPickupSelector>({
 *   tag: 'omni-pickup-selector',
 *   valueMissingMessage: 'Choose a pickup time.',
 *   fill: async (control) => { ...choose a slot as a shopper would...; return slotId; },
 *   mount: (form) => ...put the form where the control gets its services...,
 * });
 * ```
 *
 * Every test builds `<form><fieldset><tag name="field"></tag></fieldset></form>` afresh.
 */
import { expect } from '@open-wc/testing';
import type { FormControl } from '../../src/components/base/form-associated.js';

/** A form control element as the suite drives it. */
export type FormControlElement = HTMLElement &
  FormControl & {
    updateComplete: Promise<boolean>;
    formStateRestoreCallback(
      state: string | FormData | null,
      mode: 'restore' | 'autocomplete',
    ): void;
  };

export interface FormControlSuiteOptions<T extends FormControlElement> {
  /** The control's tag, already defined. */
  tag: string;
  /**
   * Gives the control a value the way a shopper would (typing, choosing), and resolves, once the
   * control has updated, with the string it now submits.
   */
  fill(control: T): Promise<string>;
  /** The message a required control without a value reports. */
  valueMissingMessage: string;
  /** Sets up a new control before it is connected (attributes, properties). */
  init?(control: T): void;
  /**
   * Puts the form in the document (default: at the end of `<body>`), e.g. inside an element that
   * provides the control's services. The suite removes the form after each test.
   */
  mount?(form: HTMLFormElement): void | Promise<void>;
}

const NAME = 'field';

export function runFormControlSuite<T extends FormControlElement>(
  options: FormControlSuiteOptions<T>,
): void {
  const { tag, fill, valueMissingMessage } = options;

  describe(`<${tag}> as a form control`, () => {
    let form: HTMLFormElement;
    let fieldset: HTMLFieldSetElement;
    let control: T;

    /** A new form with the control (named `field` unless `named` is false). */
    async function setup({ named = true, required = false } = {}): Promise<void> {
      form = document.createElement('form');
      fieldset = document.createElement('fieldset');
      control = document.createElement(tag) as T;
      if (named) control.setAttribute('name', NAME);
      if (required) control.setAttribute('required', '');
      options.init?.(control);
      fieldset.append(control);
      form.append(fieldset);
      if (options.mount) await options.mount(form);
      else document.body.append(form);
      await control.updateComplete;
    }

    const submitted = () => new FormData(form).getAll(NAME);

    afterEach(() => form?.remove());

    describe('accessibility', () => {
      it('is accessible in a form, empty and filled', async () => {
        await setup({ required: true });
        await expect(form).to.be.accessible();
        await fill(control);
        await expect(form).to.be.accessible();
      });
    });

    describe('value', () => {
      it('belongs to its form', async () => {
        await setup();
        expect(control.form).to.equal(form);
        expect([...form.elements]).to.include(control);
      });

      it('submits its value under its name', async () => {
        await setup();
        const value = await fill(control);
        expect(value).to.be.a('string').and.not.equal('');
        expect(submitted()).to.deep.equal([value]);
      });

      it('submits nothing without a name', async () => {
        await setup({ named: false });
        await fill(control);
        expect([...new FormData(form).keys()]).to.deep.equal([]);
      });
    });

    describe('validity', () => {
      it('is valid without a value when optional', async () => {
        await setup();
        expect(control.checkValidity()).to.equal(true);
        expect(control.validity?.valid).to.equal(true);
        expect(form.checkValidity()).to.equal(true);
      });

      it('blocks its form while required and empty, with its message, until filled', async () => {
        await setup({ required: true });
        const invalid: Event[] = [];
        control.addEventListener('invalid', (event) => invalid.push(event));
        expect(control.willValidate).to.equal(true);
        expect(control.checkValidity()).to.equal(false);
        expect(control.validity?.valueMissing).to.equal(true);
        expect(control.validationMessage).to.equal(valueMissingMessage);
        expect(form.checkValidity()).to.equal(false);
        expect(invalid).to.have.length(2);

        await fill(control);
        expect(control.checkValidity()).to.equal(true);
        expect(form.checkValidity()).to.equal(true);
        expect(control.validationMessage).to.equal('');
      });

      it('becomes required when the property is set', async () => {
        await setup();
        control.required = true;
        await control.updateComplete;
        expect(control.checkValidity()).to.equal(false);
        control.required = false;
        await control.updateComplete;
        expect(control.checkValidity()).to.equal(true);
      });
    });

    describe('reset and restore', () => {
      it('goes back to its initial state when the form is reset', async () => {
        await setup({ required: true });
        const initial = submitted();
        const value = await fill(control);
        form.reset();
        await control.updateComplete;
        expect(submitted()).to.deep.equal(initial);
        expect(submitted()).to.not.include(value);
        expect(control.checkValidity()).to.equal(false);
      });

      it('takes back a state the browser restores (back/forward, autofill)', async () => {
        await setup();
        const value = await fill(control);
        form.remove();
        await setup();
        expect(submitted()).to.not.include(value);
        control.formStateRestoreCallback(value, 'restore');
        await control.updateComplete;
        expect(submitted()).to.deep.equal([value]);
      });
    });

    describe('disabled', () => {
      it('is not submitted nor validated while disabled, and is again once enabled', async () => {
        await setup({ required: true });
        await fill(control);
        control.disabled = true;
        await control.updateComplete;
        expect(control.matches(':disabled')).to.equal(true);
        expect(submitted()).to.deep.equal([]);

        form.reset();
        await control.updateComplete;
        expect(control.willValidate).to.equal(false);
        expect(form.checkValidity()).to.equal(true);

        control.disabled = false;
        await control.updateComplete;
        expect(control.checkValidity()).to.equal(false);
        expect(submitted()).to.deep.equal([]);
        const again = await fill(control);
        expect(submitted()).to.deep.equal([again]);
      });

      it('is not submitted inside a disabled fieldset, and is again once it is enabled', async () => {
        await setup();
        const value = await fill(control);
        fieldset.disabled = true;
        await control.updateComplete;
        expect(control.matches(':disabled')).to.equal(true);
        expect(submitted()).to.deep.equal([]);
        fieldset.disabled = false;
        await control.updateComplete;
        expect(control.matches(':disabled')).to.equal(false);
        expect(submitted()).to.deep.equal([value]);
      });
    });
  });
}

import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property, query } from 'lit/decorators.js';
import { FormAssociated } from '../../../src/components/base/form-associated.js';
import { OmniElement } from '../../../src/components/base/omni-element.js';
import { runFormControlSuite } from '../../helpers/form-control-suite.js';

/** The smallest form control: a text value typed into an input in its shadow root. */
class TestFormControl extends FormAssociated(OmniElement) {
  /** The value before the shopper typed anything (what a reset goes back to). */
  @property({ attribute: 'value' }) defaultValue = '';
  @property({ attribute: false }) value = '';
  @query('input') private input?: HTMLInputElement;
  resets = 0;
  private dirty = false;

  protected override willUpdate(): void {
    if (!this.dirty) this.value = this.defaultValue;
  }

  formValue(): string | null {
    return this.value || null;
  }
  valueMissingMessage(): string {
    return 'Enter a value.';
  }
  isEmpty(): boolean {
    return this.value === '';
  }
  resetForm(): void {
    this.resets++;
    this.dirty = false;
    this.value = this.defaultValue;
  }
  restoreForm(state: string | FormData): void {
    this.dirty = true;
    this.value = typeof state === 'string' ? state : '';
  }
  validationAnchor(): HTMLElement | undefined {
    return this.input;
  }

  /** What a shopper does: types into the input. */
  async type(text: string): Promise<void> {
    const input = this.input!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.updateComplete;
  }

  private handleInput(event: Event): void {
    this.dirty = true;
    this.value = (event.target as HTMLInputElement).value;
  }

  override render() {
    return litHtml`<input
      aria-label="Test value"
      .value=${this.value}
      ?disabled=${this.isDisabled}
      @input=${this.handleInput}
    />`;
  }
}
customElements.define('test-form-control', TestFormControl);

let typed = 0;

runFormControlSuite<TestFormControl>({
  tag: 'test-form-control',
  valueMissingMessage: 'Enter a value.',
  async fill(control) {
    const text = `typed ${++typed}`;
    await control.type(text);
    return text;
  },
});

describe('FormAssociated', () => {
  it('calls resetForm when its form is reset, back to the default value', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><test-form-control name="q" value="start"></test-form-control></form>`,
    );
    const control = form.querySelector<TestFormControl>('test-form-control')!;
    expect(new FormData(form).get('q')).to.equal('start');
    await control.type('changed');
    expect(new FormData(form).get('q')).to.equal('changed');
    form.reset();
    await control.updateComplete;
    expect(control.resets).to.equal(1);
    expect(new FormData(form).get('q')).to.equal('start');
  });

  it('knows when a fieldset disables it (isDisabled), and renders accordingly', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset><test-form-control name="q"></test-form-control></fieldset>
      </form>`,
    );
    const control = form.querySelector<TestFormControl>('test-form-control')!;
    const input = () => control.shadowRoot!.querySelector('input')!;
    expect(input().disabled).to.equal(false);
    form.querySelector('fieldset')!.disabled = true;
    await control.updateComplete;
    expect(input().disabled).to.equal(true);
    form.querySelector('fieldset')!.disabled = false;
    await control.updateComplete;
    expect(input().disabled).to.equal(false);
  });

  it('ignores a restore with no state', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><test-form-control name="q" value="start"></test-form-control></form>`,
    );
    const control = form.querySelector<TestFormControl>('test-form-control')!;
    control.formStateRestoreCallback(null);
    await control.updateComplete;
    expect(new FormData(form).get('q')).to.equal('start');
  });

  it('focuses its anchor when the form reports it invalid', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><test-form-control name="q" required></test-form-control></form>`,
    );
    const control = form.querySelector<TestFormControl>('test-form-control')!;
    expect(form.reportValidity()).to.equal(false);
    expect(document.activeElement).to.equal(control);
    expect(control.shadowRoot!.activeElement).to.equal(control.shadowRoot!.querySelector('input'));
  });
});

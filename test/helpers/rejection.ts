import { expect } from '@open-wc/testing';
import { OmniError } from '../../src/core/api/errors.js';

/** Awaits `promise`, fails the test if it resolves, and returns its `OmniError`. */
export async function rejection(promise: Promise<unknown>): Promise<OmniError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(OmniError);
    return error as OmniError;
  }
  expect.fail('expected a rejection');
}

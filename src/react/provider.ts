/**
 * React wrapper of `<omni-provider>`; importing it defines the element. Its children are the
 * widgets it configures; the `backend` prop takes a custom `BackendClient`.
 */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniProvider as OmniProviderElement } from '../components/provider/index.js';

export const OmniProvider = createComponent({
  react: React,
  tagName: 'omni-provider',
  elementClass: OmniProviderElement,
  displayName: 'OmniProvider',
});

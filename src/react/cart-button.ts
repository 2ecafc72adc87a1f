/** React wrapper of `<omni-cart-button>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniCartButton as OmniCartButtonElement } from '../components/cart-button/index.js';
import { cartEvents } from './events.js';

export const OmniCartButton = createComponent({
  react: React,
  tagName: 'omni-cart-button',
  elementClass: OmniCartButtonElement,
  events: cartEvents,
  displayName: 'OmniCartButton',
});

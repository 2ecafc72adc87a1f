/** React wrapper of `<omni-cart-count>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniCartCount as OmniCartCountElement } from '../components/cart-count/index.js';
import { cartEvents } from './events.js';

export const OmniCartCount = createComponent({
  react: React,
  tagName: 'omni-cart-count',
  elementClass: OmniCartCountElement,
  events: cartEvents,
  displayName: 'OmniCartCount',
});

/** React wrapper of `<omni-add-to-cart>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniAddToCart as OmniAddToCartElement } from '../components/add-to-cart/index.js';
import { cartEvents } from './events.js';

export const OmniAddToCart = createComponent({
  react: React,
  tagName: 'omni-add-to-cart',
  elementClass: OmniAddToCartElement,
  events: cartEvents,
  displayName: 'OmniAddToCart',
});

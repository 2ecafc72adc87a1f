/** React wrapper of `<omni-cart>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniCart as OmniCartElement } from '../components/cart/index.js';
import { cartEvents } from './events.js';

export const OmniCart = createComponent({
  react: React,
  tagName: 'omni-cart',
  elementClass: OmniCartElement,
  events: cartEvents,
  displayName: 'OmniCart',
});

/** React wrapper of `<omni-pickup-selector>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniPickupSelector as OmniPickupSelectorElement } from '../components/pickup-selector/index.js';
import { pickupEvents } from './events.js';

export const OmniPickupSelector = createComponent({
  react: React,
  tagName: 'omni-pickup-selector',
  elementClass: OmniPickupSelectorElement,
  events: pickupEvents,
  displayName: 'OmniPickupSelector',
});

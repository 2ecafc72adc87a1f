/** React wrapper of `<omni-stock-checker>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniStockChecker as OmniStockCheckerElement } from '../components/stock-checker/index.js';
import { stockEvents } from './events.js';

export const OmniStockChecker = createComponent({
  react: React,
  tagName: 'omni-stock-checker',
  elementClass: OmniStockCheckerElement,
  events: stockEvents,
  displayName: 'OmniStockChecker',
});

/** React wrapper of `<omni-shipping-estimator>`; importing it defines the element. */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { OmniShippingEstimator as OmniShippingEstimatorElement } from '../components/shipping-estimator/index.js';
import { shippingEvents } from './events.js';

export const OmniShippingEstimator = createComponent({
  react: React,
  tagName: 'omni-shipping-estimator',
  elementClass: OmniShippingEstimatorElement,
  events: shippingEvents,
  displayName: 'OmniShippingEstimator',
});

import { composeAssist } from './features/compose-assist';
import type { PageFeature } from './features/feature';
import { interfaceLabels } from './features/interface-labels';
import { lookUp } from './features/look-up';
import { termMarks } from './features/term-marks';
import { translatedUnits } from './features/translated-units';

/**
 * Every on-page feature, in the order they start and hear of changes. Term marks come after the
 * translated units they decorate, so a new display mode is set before marks are checked against it.
 */
export const FEATURES: readonly PageFeature[] = [
  translatedUnits,
  termMarks,
  lookUp,
  interfaceLabels,
  composeAssist,
];

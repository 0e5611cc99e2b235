import interfaceLabels from './data/interface.json';
import chinaPlaces from './data/places-china.json';
import worldPlaces from './data/places-world.json';
import type { LabelFile } from './label-schema';

// The JSON modules' inferred types widen unions to `string`; site-label-data.test.ts validates every
// entry against the schema, which is what makes these casts safe.
export const SITE_LABEL_FILES: Readonly<Record<'interface' | 'chinaPlaces' | 'worldPlaces', LabelFile>> = {
  /** Navigation, buttons, tabs, menus, states, the login prompt, comment chrome, channels. */
  interface: interfaceLabels as LabelFile,
  /** Provincial-level divisions of China (as the site shows IP locations) and its large cities. */
  chinaPlaces: chinaPlaces as LabelFile,
  /** Countries and regions; names from Unicode CLDR, with the usual short forms where CLDR disambiguates. */
  worldPlaces: worldPlaces as LabelFile,
};

/** Changes whenever a data file does; fit for cache keys. */
export const SITE_LABELS_VERSION = Object.entries(SITE_LABEL_FILES)
  .map(([name, file]) => `${name}@${file.version}`)
  .join('+');

import type { TlpLabel } from '../../../shared/schema';

/**
 * FIRST Traffic Light Protocol 2.0: the label is written "TLP:AMBER" (no space), in the header and
 * footer of every page, at 12 pt or larger, in the standard's colour on a black background
 * (RGB values from the standard; AMBER+STRICT uses AMBER's colour).
 */
export const TLP_COLOURS: Record<TlpLabel, string> = {
  'TLP:RED': '#FF2B2B',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:GREEN': '#33FF00',
  'TLP:CLEAR': '#FFFFFF',
};

export const TLP_BACKGROUND = '#000000';

/** The standard's one-line summary of each label, printed once under the title. */
export const TLP_MEANING: Record<TlpLabel, string> = {
  'TLP:RED': 'For the eyes and ears of individual recipients only, no further disclosure.',
  'TLP:AMBER': 'Limited disclosure: recipients can only spread this on a need-to-know basis within their organization and its clients.',
  'TLP:AMBER+STRICT': 'Limited disclosure: recipients can only spread this on a need-to-know basis within their own organization, not to its clients.',
  'TLP:GREEN': 'Limited disclosure: recipients can spread this within their community.',
  'TLP:CLEAR': 'Recipients can spread this to the world; there is no limit on disclosure.',
};

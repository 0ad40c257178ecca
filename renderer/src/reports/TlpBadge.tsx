import type { TlpLabel } from '../../../shared/schema';

/** FIRST TLP 2.0 colours, the label on black, as it prints on every page and slide. */
const COLOURS: Record<TlpLabel, string> = {
  'TLP:RED': '#FF2B2B',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:GREEN': '#33FF00',
  'TLP:CLEAR': '#FFFFFF',
};

export function TlpBadge({ label }: { label: TlpLabel }) {
  return (
    <span className="tlp-badge" style={{ color: COLOURS[label] }}>
      {label}
    </span>
  );
}

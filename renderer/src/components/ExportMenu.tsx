import { useEffect, useRef, useState } from 'react';

interface Item {
  label: string;
  run: () => void;
}

/** A small menu button ("Export ▾"): closes on choice, Escape, or a click elsewhere. */
export function ExportMenu({ label, items, disabled, accessibleName }: { label: string; items: Item[]; disabled?: boolean; accessibleName: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div
      className="menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="tool" aria-haspopup="true" aria-expanded={open} aria-label={accessibleName} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        {label} ▾
      </button>
      {open && (
        <ul className="menu-list">
          {items.map((item) => (
            <li key={item.label}>
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

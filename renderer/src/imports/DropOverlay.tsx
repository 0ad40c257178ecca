/** Shown over the whole window while files are dragged over it; the drop itself is caught by the window. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        <strong>Drop to import</strong>
        <span>Files or folders: incident logs, OCR exports, VERIS, STIX</span>
      </div>
    </div>
  );
}

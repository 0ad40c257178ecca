import { useEffect, useRef } from 'react';
import { toggleShortcuts } from '../actions/display';
import { SHORTCUT_ACTIONS } from '../actions/keyboard';
import { useDispatch } from '../state/store';

const OTHER_KEYS: [string, string][] = [
  ['Ctrl+Enter', 'Run the query (SQL console)'],
  ['Click', 'Filter by a bar, slice or state'],
  ['Shift+click', 'Show the rows behind a bar, slice or state'],
  ['Arrow keys, Page Up/Down', 'Move in the grid'],
  ['Shift+arrows, Ctrl+A', 'Select rows in the grid'],
  ['Ctrl+C', 'Copy the selected rows'],
  ['Enter', 'Revision history of the row'],
];

/** The list of shortcuts, built from the same action objects the keys run. */
export function ShortcutsDialog() {
  const dispatch = useDispatch();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={() => dispatch(toggleShortcuts, undefined)} onCancel={(e) => e.preventDefault()}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="data-table">
        <tbody>
          {SHORTCUT_ACTIONS.map((a) => (
            <tr key={a.name}>
              <th scope="row">
                <kbd>{a.shortcut}</kbd>
              </th>
              <td>{a.label}</td>
            </tr>
          ))}
          {OTHER_KEYS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

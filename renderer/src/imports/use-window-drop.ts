import { useEffect, useState } from 'react';
import { desktopBridge } from '../api/workbench-client';
import { dropEntries, droppedItems, type DroppedItem } from './dropped-items';

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

/**
 * Files or folders dropped anywhere on the window. While files are dragged over it, `dragging` is
 * true (for the overlay); a drop of anything else (text, a link) is left alone.
 */
export function useWindowDrop(onItems: (items: DroppedItem[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed: count them to know when the pointer left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      // The desktop shell knows every dropped file's and folder's path; a browser must read them.
      if (desktopBridge()) {
        onItems([...e.dataTransfer.files].map((file) => ({ kind: 'file', file })));
        return;
      }
      const entries = dropEntries(e.dataTransfer);
      void droppedItems(entries).then(onItems);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onItems]);
  return dragging;
}

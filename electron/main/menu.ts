import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { IPC_MENU_CHANNEL, MENU_ACTIONS, type MenuActionName, type MenuCommand } from '../../shared/desktop-bridge';

/** The application menu; each item sends the window the same command its toolbar button runs. */
export function buildMenu(window: BrowserWindow, openFiles: () => void): Menu {
  const send = (command: MenuCommand, payload = '') => window.webContents.send(IPC_MENU_CHANNEL, command, payload);
  const action = (name: MenuActionName, accelerator?: string): MenuItemConstructorOptions => ({ label: MENU_ACTIONS[name], accelerator, click: () => send('action', name) });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: openFiles },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Overview', accelerator: 'CmdOrCtrl+1', click: () => send('navigate', 'overview') },
        { label: 'Explore', accelerator: 'CmdOrCtrl+2', click: () => send('navigate', 'explore') },
        { label: 'Sources', accelerator: 'CmdOrCtrl+3', click: () => send('navigate', 'sources') },
        { label: 'SQL', accelerator: 'CmdOrCtrl+4', click: () => send('navigate', 'sql') },
        { label: 'Reports', accelerator: 'CmdOrCtrl+5', click: () => send('navigate', 'reports') },
        { label: 'Compare', accelerator: 'CmdOrCtrl+6', click: () => send('navigate', 'compare') },
        { label: 'Import', accelerator: 'CmdOrCtrl+7', click: () => send('navigate', 'import') },
        { type: 'separator' },
        action('clearAllFilters', 'CmdOrCtrl+Shift+Backspace'),
        {
          label: 'Theme',
          submenu: [
            { id: 'theme-system', label: 'Follow the system', click: () => send('theme', 'system') },
            { id: 'theme-light', label: 'Light', click: () => send('theme', 'light') },
            { id: 'theme-dark', label: 'Dark', click: () => send('theme', 'dark') },
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    // No accelerator for the list: "?" as one would swallow the character in every text field.
    { role: 'help', submenu: [action('toggleShortcuts')] },
  ];
  return Menu.buildFromTemplate(template);
}

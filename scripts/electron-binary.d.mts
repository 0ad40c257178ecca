/** Where the Electron binary is, or null when it was never downloaded. */
export function electronBinary(root?: string): string | null;

import { readFile } from 'node:fs/promises';

/** This process's high-water mark of resident memory, in bytes (Linux: VmHWM; elsewhere Node's maxRSS). */
export async function peakRssBytes(): Promise<number> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  // Node reports maxRSS in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

export function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

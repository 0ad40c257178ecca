import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { makeTempDir } from './temp-dir';

export interface TempWorkspace {
  /** The temp folder: the workspace lives in its `workspace` subfolder, test files beside it. */
  readonly dir: string;
  readonly workspace: Workspace;
}

/**
 * A workspace in a fresh temp folder for the enclosing `describe`: opened before its tests, closed
 * and removed after them. Call it in the describe body.
 */
export function useTempWorkspace(prefix: string): TempWorkspace {
  let temp: { dir: string; remove: () => void } | undefined;
  let workspace: Workspace | undefined;
  beforeAll(async () => {
    temp = makeTempDir(prefix);
    workspace = await Workspace.open(join(temp.dir, 'workspace'));
  });
  afterAll(() => {
    workspace?.close();
    temp?.remove();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTempWorkspace: used outside a test (the workspace opens in beforeAll)');
    return value;
  };
  return {
    get dir() {
      return opened(temp).dir;
    },
    get workspace() {
      return opened(workspace);
    },
  };
}

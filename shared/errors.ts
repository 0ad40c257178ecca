/**
 * Errors cross the API boundary as plain values, never as stack traces: a person reads the message
 * and, where a file is at fault, learns which file, line and column.
 */
export type WorkbenchErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'bad_input'
  | 'sql_error'
  | 'read_only'
  | 'cancelled'
  | 'unauthorized'
  | 'internal';

export interface WorkbenchErrorInfo {
  code: WorkbenchErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export class WorkbenchError extends Error {
  readonly code: WorkbenchErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(info: WorkbenchErrorInfo) {
    super(info.message);
    this.name = 'WorkbenchError';
    this.code = info.code;
    if (info.file !== undefined) this.file = info.file;
    if (info.line !== undefined) this.line = info.line;
    if (info.column !== undefined) this.column = info.column;
  }

  toInfo(): WorkbenchErrorInfo {
    const info: WorkbenchErrorInfo = { code: this.code, message: this.message };
    if (this.file !== undefined) info.file = this.file;
    if (this.line !== undefined) info.line = this.line;
    if (this.column !== undefined) info.column = this.column;
    return info;
  }
}

/** Turns anything thrown into a value a person can act on; unknown failures keep their message. */
export function toErrorInfo(error: unknown): WorkbenchErrorInfo {
  if (error instanceof WorkbenchError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

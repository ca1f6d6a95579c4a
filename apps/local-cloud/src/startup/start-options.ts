export interface StartOptions {
  readonly workspaceRoot: string;
  /** Each function's log lines; default prints them prefixed with the function's name. */
  readonly log?: (functionId: string, line: string) => void;
  /** The local cloud's own warnings (a call it does not emulate, once per service and action); default stderr. */
  readonly warn?: (line: string) => void;
}

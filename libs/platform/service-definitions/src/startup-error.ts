/** Where a start-up failure was found: the declaration file, its line when known, and the feature at fault. */
export interface StartupErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly feature?: string;
}

/**
 * The one base of every error that stops the local cloud (or a deploy check) before it serves: a declaration it
 * cannot honour exactly as AWS would, a setting it cannot use. Subclasses keep their own message and code; this base
 * carries the place, so the command line prints every start-up failure the same way (`file:line: feature: detail`).
 */
export class StartupError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly feature: string | undefined;

  constructor(message: string, location: StartupErrorLocation = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.file = location.file;
    this.line = location.line;
    this.feature = location.feature;
  }

  /** `file:line (feature)`, or what of it is known; empty when nothing is. */
  get place(): string {
    const where = this.file === undefined ? '' : this.line === undefined ? this.file : `${this.file}:${this.line}`;
    if (this.feature === undefined) return where;
    return where === '' ? this.feature : `${where} (${this.feature})`;
  }
}

export interface JobKeyInput {
  /** Folder holding the staged infra/ and apps/<service>/api copies. */
  readonly stagingRoot: string;
  /** The job's folder, relative to stagingRoot. */
  readonly dir: string;
  /** Files outside the staging folder the job reads (Lambda zips). */
  readonly extraFiles?: readonly string[];
  /** Anything else that changes the result: versions, variables, the tool's own code. */
  readonly salt: unknown;
}
/** sha256 over everything a root or test suite reads. */
export declare function jobKey(input: JobKeyInput): string;
export declare function digestOf(files: readonly string[]): string;

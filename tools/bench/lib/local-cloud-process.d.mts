/** The endpoint table `npm start` prints before its `ready in` line, label → URL. */
export declare function parseEndpoints(text: string): Record<string, string>;
/** The URL of the one endpoint whose label starts with `prefix`; throws naming the labels when there is not one. */
export declare function endpointNamed(endpoints: Record<string, string>, prefix: string): string;
export interface LocalCloudProcess {
  readonly endpoints: Record<string, string>;
  readonly wallMs: number;
  readonly reportedMs: number;
  readonly pid: number;
  /** Resolves when the program has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a graceful stop), SIGKILL after 15 s. */
  stop(): Promise<void>;
  /** SIGKILL to the program (with processGroup, to everything it started at once, DynamoDB Local's JVM too). */
  kill(): Promise<void>;
}
export interface LocalCloudProcessOptions {
  readonly timeoutMs?: number;
  /** DynamoDB Local's folder (HARBOR_DATA_DIR); omitted: in memory. */
  readonly dataDir?: string;
  /** Added to the child's environment after the free-port defaults (fixed ports, HARBOR_FAULTS, …). */
  readonly env?: Record<string, string | undefined>;
  /** Every chunk the program writes to stdout or stderr. */
  readonly onOutput?: (text: string) => void;
  /** Its own process group, so kill() takes DynamoDB Local's JVM down in the same instant (default false). */
  readonly processGroup?: boolean;
  /** The root of the Harbor workspace to start (default this one). */
  readonly workspace?: string;
}
export declare function startLocalCloudProcess(options?: LocalCloudProcessOptions): Promise<LocalCloudProcess>;

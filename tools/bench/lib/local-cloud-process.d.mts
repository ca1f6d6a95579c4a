/** The endpoint table `npm start` prints before its `ready in` line, label → URL. */
export declare function parseEndpoints(text: string): Record<string, string>;
export interface LocalCloudProcess {
  readonly endpoints: Record<string, string>;
  readonly wallMs: number;
  readonly reportedMs: number;
  stop(): Promise<void>;
}
export declare function startLocalCloudProcess(options?: { timeoutMs?: number }): Promise<LocalCloudProcess>;

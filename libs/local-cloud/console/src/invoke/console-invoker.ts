/**
 * How the console runs a function: the local cloud's invoker (the Lambda runtime behind its fault injector), given in
 * by the app in these terms so the console never imports the runtime. `Invoker` of @harbor/local-cloud-lambda fits.
 */
export interface ConsoleInvoker {
  has(functionId: string): boolean;
  invoke(request: {
    readonly functionId: string;
    readonly event: unknown;
    readonly correlationId: string;
    readonly invocationType: 'RequestResponse';
  }): Promise<ConsoleInvokeOutcome>;
}

export type ConsoleInvokeOutcome = {
  readonly durationMs: number;
  readonly coldStart: boolean;
  readonly requestId: string;
} & (
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: { readonly errorType: string; readonly errorMessage: string } }
);

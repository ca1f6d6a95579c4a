/** The message of anything thrown, for a trace hop or a start-up error that names its cause. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An invoker that throws instead of answering an outcome is treated like a failed run of the function. */
export function thrownInvokeError(error: unknown): { readonly errorType: string; readonly errorMessage: string } {
  return { errorType: error instanceof Error ? error.name : 'Error', errorMessage: messageOf(error) };
}

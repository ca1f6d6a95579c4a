const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Lambda's text format and the runtime's own lines: `<ISO time>\t<request id>\t…` or `<ISO time> <request id> …`.
const TEXT_LINE = /^\d{4}-\d{2}-\d{2}T\S+[\t ]([0-9a-f-]{36})[\t ]/i;

/**
 * The Lambda request id a function's log line carries: Powertools JSON logs name it `function_request_id`,
 * `console.*` lines (Lambda's text format) and the runtime's timeout lines carry it after the timestamp.
 * Undefined for lines written outside an invocation (init, build errors).
 */
export function requestIdOfLine(line: string): string | undefined {
  if (line.startsWith('{')) {
    try {
      const fields = JSON.parse(line) as Record<string, unknown>;
      const requestId = fields['function_request_id'] ?? fields['requestId'] ?? fields['AWSRequestId'];
      return typeof requestId === 'string' && UUID.test(requestId) ? requestId : undefined;
    } catch {
      return undefined;
    }
  }
  return TEXT_LINE.exec(line)?.[1];
}

import { LOG_TAIL_BYTES, type InvokeOutcome } from '@harbor/local-cloud-lambda';

const ms = (value: number): string => value.toFixed(2);

/**
 * `X-Amz-Log-Result`: the base64 of the last 4 KB of the invocation's log, the function's own output between the
 * START, END and REPORT lines Lambda writes around it. REPORT has no Max Memory Used: functions share the local
 * cloud's process, so no per-invocation figure would be true (as in the access log).
 */
export function logResult(outcome: InvokeOutcome, memoryMb: number): string {
  const { requestId } = outcome;
  const init =
    outcome.coldStart && outcome.initDurationMs !== undefined
      ? `\tInit Duration: ${ms(outcome.initDurationMs)} ms`
      : '';
  const output = !outcome.logTail || outcome.logTail.endsWith('\n') ? (outcome.logTail ?? '') : `${outcome.logTail}\n`;
  const log =
    `START RequestId: ${requestId} Version: $LATEST\n${output}END RequestId: ${requestId}\n` +
    `REPORT RequestId: ${requestId}\tDuration: ${ms(outcome.durationMs)} ms\tBilled Duration: ${Math.max(1, Math.ceil(outcome.durationMs))} ms\tMemory Size: ${memoryMb} MB${init}\t\n`;
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}

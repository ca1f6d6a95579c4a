import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleEventStream } from '../stream/event-stream';
import { consoleProblem } from './console-answers';

const STREAM_PATH = '/_local/stream';

/**
 * GET /_local/stream, taken off the AWS endpoint's server before its whole-response handler (a stream needs the
 * open response). Answers true when it took the request.
 */
export function eventStreamRoute(stream: ConsoleEventStream, trace: TraceRecorder) {
  return function takeStream(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url ?? '/';
    if (request.method !== 'GET' || (url !== STREAM_PATH && !url.startsWith(`${STREAM_PATH}?`))) return false;
    const after = new URL(url, 'http://local').searchParams.get('after');
    const afterId = after === null ? undefined : Number(after);
    if (afterId !== undefined && (!Number.isInteger(afterId) || afterId < 0)) {
      const refused = consoleProblem(
        400,
        'Invalid console request',
        `after must be a hop id (a whole number), got ${JSON.stringify(after)}`,
        'CONSOLE.INVALID_REQUEST',
      );
      response.writeHead(refused.status, refused.headers).end(refused.body);
      return true;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const disconnect = stream.connect(response, afterId === undefined ? [] : trace.after(afterId));
    // The response's close, not the request's: a GET's request stream ends (and closes) as soon as it is read.
    response.on('close', disconnect);
    return true;
  };
}

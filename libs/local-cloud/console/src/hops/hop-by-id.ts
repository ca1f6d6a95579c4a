import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';

export const HOP_BY_ID = /^\/_local\/hops\/([^/]+)$/;

/** `GET /_local/hops/{id}`: one hop with its payload (windows and the stream leave payloads out). */
export function hopById(trace: TraceRecorder, rawId: string) {
  const id = Number(rawId);
  if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(id))
    throw new InvalidConsoleRequest(`a hop id is a whole number, got ${JSON.stringify(rawId)}`);
  const hop = trace.hopById(id);
  if (!hop) throw new ConsoleResourceNotFound('hop', rawId, ['only the most recent hops are kept']);
  return hop;
}

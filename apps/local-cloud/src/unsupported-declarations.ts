import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { relative } from 'node:path';

export class NotEmulated extends Error {
  override readonly name = 'NotEmulated';
}

/**
 * Declarations the local cloud does not run yet stop start-up, naming file and entry, rather than being
 * silently skipped (a stream that never fires would look like a bug in the service).
 */
export function assertEmulated(services: readonly ServiceDefinition[], workspaceRoot: string): void {
  for (const service of services) {
    const streams = Object.keys(service.events.streams);
    if (streams.length > 0) {
      const file = relative(workspaceRoot, `${service.directory}/api/events.yaml`);
      throw new NotEmulated(`${file}: streams.${streams[0]}: DynamoDB stream event source mappings are not emulated by the local cloud yet`);
    }
  }
}

import { InvalidStreamMapping, validateStreamMapping } from '@harbor/local-cloud-messaging';
import { StartupError, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { relative } from 'node:path';
import { unsupportedFeature } from './scheduler/schedule-expression';
import { streamMappingSpecs } from './stream-mappings';

/** A declaration the local cloud cannot run as AWS would; its message names the file and the entry. */
export class NotEmulated extends StartupError {}

/**
 * Declarations the local cloud cannot run as AWS would stop start-up, naming file and entry, rather than being
 * silently skipped or run differently (a stream filter that matched otherwise would look like a bug in the service).
 */
export function assertEmulated(services: readonly ServiceDefinition[], workspaceRoot: string): void {
  const naming = { env: 'local', region: 'us-east-1', accountId: '000000000000' };
  for (const service of services) {
    const file = relative(workspaceRoot, `${service.directory}/api/events.yaml`);
    for (const spec of streamMappingSpecs([service], naming)) {
      try {
        validateStreamMapping(spec);
      } catch (error) {
        if (!(error instanceof InvalidStreamMapping)) throw error;
        const feature = `streams.${spec.name}`;
        throw new NotEmulated(`${file}: ${feature}: ${error.detail}`, { file, feature }, { cause: error });
      }
    }
    const functions = relative(workspaceRoot, `${service.directory}/api/functions.yaml`);
    for (const [key, schedule] of Object.entries(service.schedules)) {
      const flexibleMode = schedule.flexibleTimeWindow === 'OFF' ? 'OFF' : schedule.flexibleTimeWindow.mode;
      const feature = unsupportedFeature({
        expression: schedule.expression,
        timezone: schedule.timezone,
        flexibleMode,
      });
      if (feature) {
        const detail = `${feature} is not supported by the local cloud (one-time at() schedules in UTC only)`;
        const place = { file: functions, feature: `schedules.${key}` };
        throw new NotEmulated(`${functions}: schedules.${key}: ${detail}`, place);
      }
    }
  }
}

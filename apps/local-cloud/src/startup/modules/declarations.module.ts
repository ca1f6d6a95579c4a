import { loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { assertEmulated } from '../../unsupported-declarations';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/** Reads every service's api folder while the JVM boots; a declaration it cannot honour stops start-up here. */
export const declarationsModule = (): LocalCloudModule => ({
  name: 'declarations',
  start(context) {
    const services = loadServiceDefinitions(context.workspaceRoot);
    assertEmulated(services, context.workspaceRoot);
    context.provide('services', services);
  },
  stop: nothingToStop,
});

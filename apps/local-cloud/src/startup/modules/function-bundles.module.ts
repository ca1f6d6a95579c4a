import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/** Waits until every function's bundle is built (they build beside DynamoDB Local's boot). */
export const functionBundlesModule = (): LocalCloudModule => ({
  name: 'function bundles',
  async start(context) {
    await context.need('runtime').ready();
  },
  stop: nothingToStop,
});

import { freePort } from '../../http/listen';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/**
 * Replaces a requested port 0 with a free port up front: every URL (the issuer's, the functions' endpoint
 * variables, the console's API origins) is then known before anything listens, and each listener is built with
 * its whole routing at once.
 */
export const portsModule = (): LocalCloudModule => ({
  name: 'ports',
  async start(context) {
    const { config } = context;
    const resolve = (port: number) => (port === 0 ? freePort(config.host) : Promise.resolve(port));
    const [rest, httpApi, websocket, aws, dynamodb] = await Promise.all(
      [config.restPort, config.httpApiPort, config.websocketPort, config.awsPort, config.dynamodbPort].map(resolve),
    );
    context.provide('ports', { rest, httpApi, websocket, aws, dynamodb });
  },
  stop: nothingToStop,
});

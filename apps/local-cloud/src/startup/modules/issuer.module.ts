import { createLocalIssuer } from '@harbor/local-cloud-auth';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/** The local Cognito stand-in, served under the AWS endpoint's /_local. */
export const issuerModule = (): LocalCloudModule => ({
  name: 'token issuer',
  async start(context) {
    const { dataDir } = context.config;
    // With data on disk the signing key is kept beside it: tokens minted before a restart still verify after it.
    const keyFile = dataDir === undefined ? {} : { keyFile: `${dataDir}/local-issuer-key.json` };
    const issuerUrl = `${context.url(context.need('ports').aws)}/_local`;
    context.provide('issuer', await createLocalIssuer({ issuerUrl, ...keyFile }));
  },
  stop: nothingToStop,
});

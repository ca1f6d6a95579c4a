import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RunningLocalCloud } from '../../src/start-local-cloud';

const run = promisify(execFile);

/** Runs the AWS CLI (v1 or v2) against the local cloud's AWS endpoint with the local credentials and no profile. */
export const awsCli = (cloud: RunningLocalCloud, args: readonly string[]) =>
  run('aws', ['--endpoint-url', cloud.endpoints.aws, '--region', 'eu-west-1', '--output', 'json', ...args], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });

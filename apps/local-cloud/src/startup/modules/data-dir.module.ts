import { rmSync } from 'node:fs';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/** `--fresh`: wipes the data directory (tables, dead letters, keys, schedules) before anything reads it. */
export const dataDirModule = (): LocalCloudModule => ({
  name: 'data directory',
  start({ config }) {
    if (config.fresh && config.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
  },
  stop: nothingToStop,
});

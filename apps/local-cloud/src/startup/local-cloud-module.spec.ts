import { readConfig } from '../config';
import { startModules, type LocalCloudModule } from './local-cloud-module';
import { StartContext } from './start-context';

const context = () => new StartContext(readConfig(['--in-memory'], {}, '/repo'), { workspaceRoot: '/repo' });

function recording(events: string[], name: string, fails = false): LocalCloudModule {
  return {
    name,
    start() {
      events.push(`start ${name}`);
      if (fails) throw new Error(`${name} failed`);
    },
    stop() {
      events.push(`stop ${name}`);
    },
  };
}

describe('startModules', () => {
  it('starts in list order and stops in reverse', async () => {
    const events: string[] = [];
    const stop = await startModules([recording(events, 'a'), recording(events, 'b')], context());
    await stop();
    expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('stops what started, the failing module too, when a start fails half-way', async () => {
    const events: string[] = [];
    const modules = [recording(events, 'a'), recording(events, 'b', true), recording(events, 'c')];
    await expect(startModules(modules, context())).rejects.toThrow('b failed');
    expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('says which part was needed before the module providing it', () => {
    expect(() => context().need('runtime')).toThrow('runtime is needed before the module providing it started');
  });
});

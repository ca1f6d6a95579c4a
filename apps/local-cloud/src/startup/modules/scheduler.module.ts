import { createLocalSchedules } from '../../scheduler/local-schedules';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

const KEPT_FIRINGS = 10_000;

/**
 * The local EventBridge Scheduler. Its endpoint is served from here on, its clock starts last (the scheduler
 * clock module), once the tables and functions a schedule reaches are up.
 */
export function schedulesModule(): LocalCloudModule {
  let schedules: ReturnType<typeof createLocalSchedules> | undefined;
  return {
    name: 'scheduler',
    start(context) {
      const { config } = context;
      const messaging = context.need('messaging');
      // With data on disk, schedules outlive a restart; the clock may run faster than real time (--scheduler-speed).
      schedules = createLocalSchedules(context.need('services'), {
        naming: context.naming,
        deliver: (request) => messaging.delivery.deliver(request),
        file: config.dataDir === undefined ? undefined : `${config.dataDir}/schedules.json`,
        speed: config.schedulerSpeed,
        // The latest ones only: a long session must not grow without bound.
        onFired: (firing) => context.firings.push(firing) > KEPT_FIRINGS && context.firings.shift(),
      });
      context.provide('schedules', schedules);
    },
    stop() {
      schedules?.scheduler.stop(); // also disarms schedules created before its clock started
    },
  };
}

/** Arms every stored schedule: the last module, so nothing fires before the system is up. */
export const schedulerClockModule = (): LocalCloudModule => ({
  name: 'scheduler clock',
  start(context) {
    context.need('schedules').scheduler.start();
  },
  stop: nothingToStop, // the scheduler module stops the clock
});

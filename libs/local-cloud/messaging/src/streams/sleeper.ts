/** Timed waits that stop() ends at once, so a stopping poller does not sit out its poll interval or retry wait. */
export class Sleeper {
  private readonly waiting = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.waiting.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.waiting.add(entry);
    });
  }

  wakeAll(): void {
    for (const entry of this.waiting) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.waiting.clear();
  }
}

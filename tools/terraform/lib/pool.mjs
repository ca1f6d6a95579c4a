// Runs async jobs with bounded concurrency (the machine's cores are shared). Every job runs even when others
// fail, so one check reports every broken root; results keep the input order.
export async function runPool(items, concurrency, job) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = { ok: true, value: await job(items[index]) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

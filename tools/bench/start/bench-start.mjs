// `npm start` ready time: the local cloud started as `npm start -- --in-memory` would be (same program, free ports
// through its environment overrides), timed to its `ready in` line; each run boots a fresh DynamoDB Local JVM.
import { startLocalCloudProcess } from '../lib/local-cloud-process.mjs';
import { markdownTable, median, round } from '../lib/report.mjs';

export async function benchStart({ runs = 3 } = {}) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const cloud = await startLocalCloudProcess();
    samples.push({ reportedMs: cloud.reportedMs, wallMs: cloud.wallMs });
    await cloud.stop();
  }
  return {
    runs,
    reportedMs: round(median(samples.map((s) => s.reportedMs)), 0),
    wallMs: round(median(samples.map((s) => s.wallMs)), 0),
    samples: samples.map((s) => ({ reportedMs: round(s.reportedMs, 0), wallMs: round(s.wallMs, 0) })),
  };
}

export function startTable({ runs, reportedMs, wallMs, samples }) {
  return `median of ${runs} starts, in memory, free ports\n\n${markdownTable(
    ['measure', 'median ms', 'runs ms'],
    [
      [
        '`ready in` (printed: program start → every endpoint listening, tables created)',
        reportedMs,
        samples.map((s) => s.reportedMs).join(', '),
      ],
      [
        'spawn → `ready` line (adds Node start-up and the esbuild bundle of the local cloud)',
        wallMs,
        samples.map((s) => s.wallMs).join(', '),
      ],
    ],
  )}`;
}

// `npm run contracts`: runs tools/contracts/contracts.main.ts, which rewrites docs/contracts/.
import { runTypeScript } from '../scripts/run-typescript.mjs';

await runTypeScript('tools/contracts/contracts.main.ts', 'dist/tools/contracts/contracts.main.cjs');

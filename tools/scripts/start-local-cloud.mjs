// `npm start`: runs the local cloud's TypeScript entry point in this process. Arguments pass through
// (`npm start -- --fresh`).
import { runTypeScript } from './run-typescript.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await runTypeScript('apps/local-cloud/src/main.ts', 'dist/local-cloud/main.cjs');

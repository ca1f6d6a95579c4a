// `npm start`: runs the local cloud's TypeScript entry point in this process. Arguments pass through
// (`npm start -- --fresh`). A missing or stale web console is built alongside, in a child process.
import { ensureConsoleBuild } from '../../libs/local-cloud/console/web/build-console.mjs';
import { runTypeScript } from './run-typescript.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
ensureConsoleBuild();
await runTypeScript('apps/local-cloud/src/main.ts', 'dist/local-cloud/main.cjs');

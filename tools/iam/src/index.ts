// Each function's IAM grants, derived from its handler's code: the adapters it reaches, the methods it uses, and
// their access descriptors (`*.access.ts`). `npm run iam` writes them to apps/<service>/api/access.generated.json.
export { deriveAccessFiles, staleAccessFiles, writeAccessFiles, type AccessFile } from './access-files';
export { descriptorDir, loadAdapterDescriptors, type AdapterDescriptor } from './adapter-descriptors';
export { CodeAccess, type DerivedFunctionAccess } from './derived-access';
export {
  resourcesOf,
  toFunctionAccess,
  wiredResources,
  type FunctionAccess,
  type WiredResources,
} from './function-access';
export { publicMethods } from './public-methods';
export type { BoundAdapter, Reach } from './handler-reachability';

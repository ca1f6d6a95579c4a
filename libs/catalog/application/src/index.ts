export { toProductView, type ProductView } from './product.view';
export { productOutbox, type EnvelopeOrigin } from './product-event-envelopes';
export type { ProductPage, ProductRepository } from './ports/product.repository.port';
export type { IdGenerator } from './ports/id-generator.port';
export {
  GetProduct,
  ListProducts,
  PutProduct,
  RetireProduct,
  type CatalogDependencies,
  type PutProductCommand,
} from './use-cases/product.use-cases';

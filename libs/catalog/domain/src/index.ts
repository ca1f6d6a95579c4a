export { ConcurrentProductChange, InvalidProduct, ProductIsRetired, ProductNotFound } from './errors';
export {
  Product,
  type ProductChange,
  type ProductPrice,
  type ProductSnapshot,
  type ProductStatus,
} from './product.entity';

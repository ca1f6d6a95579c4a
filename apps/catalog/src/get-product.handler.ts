import { SkuParams } from '@harbor/contracts';
import { toProductView } from '@harbor/catalog-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, getProduct } from './composition-root';
import { observability } from './observability';

/** GET /catalog/products/{sku} — the product, retired ones included; a SKU never put answers 404. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, pathSchema: SkuParams },
  async ({ path }) => ({
    statusCode: 200,
    body: toProductView(await getProduct().execute({ sku: path.sku })),
  }),
);

import { SkuParams } from '@harbor/contracts';
import { toProductView } from '@harbor/catalog-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, retireProduct } from './composition-root';
import { observability } from './observability';

/** POST /catalog/products/{sku}/retire — takes the product off sale for good; retiring twice answers it as it is. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, pathSchema: SkuParams },
  async ({ path, correlationId }) => ({
    statusCode: 200,
    body: toProductView(await retireProduct().execute({ sku: path.sku, requestId: correlationId })),
  }),
);

import { PutProductRequest, SkuParams } from '@harbor/contracts';
import { toProductView } from '@harbor/catalog-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, putProduct } from './composition-root';
import { observability } from './observability';

/** PUT /catalog/products/{sku} — puts a product on sale or changes its name and prices: 201 when new, else 200. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, pathSchema: SkuParams, bodySchema: PutProductRequest },
  async ({ path, body, correlationId }) => {
    const { product, created } = await putProduct().execute({
      sku: path.sku,
      name: body.name,
      prices: body.prices,
      requestId: correlationId,
    });
    return { statusCode: created ? 201 : 200, body: toProductView(product) };
  },
);

import { ListProductsQuery } from '@harbor/contracts';
import { toProductView } from '@harbor/catalog-application';
import { httpApiHandler } from '@harbor/platform-lambda';
import { ADMIN_ACCESS, listProducts } from './composition-root';
import { observability } from './observability';

/** GET /catalog/products?limit&after — products in SKU order; `nextAfter` is the cursor of the next page. */
export const handler = httpApiHandler(
  { observability, access: ADMIN_ACCESS, querySchema: ListProductsQuery },
  async ({ query }) => {
    const page = await listProducts().execute(query);
    return {
      statusCode: 200,
      body: { items: page.products.map(toProductView), ...(page.nextAfter ? { nextAfter: page.nextAfter } : {}) },
    };
  },
);

import { InvalidRejectionReasons } from './errors';
import type { RejectionReason } from './order.snapshot';
import { Sku } from './sku.value-object';

/** Checks the reasons an order is rejected for: at least one, each with a valid SKU and some text. */
export function validateRejectionReasons(reasons: readonly RejectionReason[], field = 'reasons'): RejectionReason[] {
  if (!Array.isArray(reasons) || reasons.length === 0) throw new InvalidRejectionReasons({ field });
  return reasons.map((reason, index) => {
    const sku = Sku.create(reason?.sku, `${field}[${index}].sku`);
    if (typeof reason.reason !== 'string' || reason.reason.trim() === '') {
      throw new InvalidRejectionReasons({ field: `${field}[${index}].reason` });
    }
    return { sku: sku.value, reason: reason.reason };
  });
}

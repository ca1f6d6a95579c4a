import type { Access } from './deployed.mjs';
import type { DeployedTarget, LocalTarget } from './targets.mjs';

export declare function putOnSale(
  target: Pick<LocalTarget | DeployedTarget, 'catalogApi'>,
  access: Pick<Access, 'catalogAdminToken' | 'orderPriceVersion'>,
  sku: string,
  prices: Record<string, number>,
  waitMs: number,
): Promise<{ sku: string; version: number; prices: { currency: string; amountMinor: number }[] }>;
export declare function untilOrdersHold(
  access: Pick<Access, 'orderPriceVersion'>,
  sku: string,
  version: number,
  waitMs: number,
): Promise<void>;

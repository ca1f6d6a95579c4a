/** The most units of one SKU inventory holds available; a bound, so a typo cannot store an absurd stock. */
export const STOCK_AVAILABLE_MAX = 10_000_000;

import prices from './aws-prices.json';

/** The reviewed price list (aws-prices.json): the one place a price is written down. */
export type PriceTable = typeof prices;

export const AWS_PRICES: PriceTable = prices;

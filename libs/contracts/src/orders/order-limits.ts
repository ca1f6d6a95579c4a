/** Limits of an order that clients, the domain and the API definition all agree on. */
export const ORDER_LINES_MIN = 1;
export const ORDER_LINES_MAX = 50;
export const CUSTOMER_ID_MAX_LENGTH = 128;

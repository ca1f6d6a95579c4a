import * as z from 'zod';

export const ORDER_PAGE_LIMIT_MIN = 1;
export const ORDER_PAGE_LIMIT_MAX = 100;
export const ORDER_PAGE_LIMIT_DEFAULT = 20;
export const NEXT_TOKEN_MAX_LENGTH = 2048;

const limitRule = `must be an integer from ${ORDER_PAGE_LIMIT_MIN} to ${ORDER_PAGE_LIMIT_MAX}`;

/** Query string of `GET /orders`. Values arrive as strings; `limit` becomes a number (20 when absent). */
export const ListOrdersQuery = z.object({
  limit: z
    .string({ error: limitRule })
    .regex(/^\d{1,4}$/, { error: limitRule })
    .transform(Number)
    .pipe(z.int().min(ORDER_PAGE_LIMIT_MIN, { error: limitRule }).max(ORDER_PAGE_LIMIT_MAX, { error: limitRule }))
    .default(ORDER_PAGE_LIMIT_DEFAULT),
  nextToken: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(NEXT_TOKEN_MAX_LENGTH, { error: `must be at most ${NEXT_TOKEN_MAX_LENGTH} characters` })
    .optional(),
});
export type ListOrdersQueryInput = z.input<typeof ListOrdersQuery>;
export type ListOrdersQuery = z.output<typeof ListOrdersQuery>;

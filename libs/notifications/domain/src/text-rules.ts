/** Non-empty text of at most `max` characters, no surrounding blanks: ids from tokens, events and API Gateway. */
export const isIdentifier = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value;

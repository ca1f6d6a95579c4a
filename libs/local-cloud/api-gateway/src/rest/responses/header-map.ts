/** Sets a response header, replacing any existing one whose name differs only in case. */
export const setHeader = (headers: Record<string, string>, name: string, value: string): void => {
  const lower = name.toLowerCase();
  for (const existing of Object.keys(headers))
    if (existing !== name && existing.toLowerCase() === lower) delete headers[existing];
  headers[name] = value;
};

export const hasHeader = (headers: Readonly<Record<string, unknown>>, name: string): boolean => {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((existing) => existing.toLowerCase() === lower);
};

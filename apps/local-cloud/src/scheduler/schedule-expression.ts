/**
 * The schedule expressions and settings the local cloud runs: one-time at() schedules in UTC without a flexible
 * window. AWS's other kinds are refused by name, never run approximately.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export type ExpressionVerdict =
  | { readonly ok: true; readonly dueAt: Date }
  | { readonly ok: false; readonly unsupported: boolean; readonly message: string };

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
/** Time zones that are UTC under another name. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/GMT', 'GMT', 'Zulu', 'Etc/Zulu']);

const unsupported = (feature: string): ExpressionVerdict => ({
  ok: false,
  unsupported: true,
  message: `${feature} is not supported by the local cloud, which runs one-time at() schedules in UTC with FlexibleTimeWindow OFF only.`,
});

/** What a declaration or a CreateSchedule call asks for that the local cloud does not run, if anything. */
export function unsupportedFeature(settings: {
  readonly expression: string;
  readonly timezone?: string;
  readonly flexibleMode?: string;
}): string | undefined {
  if (/^cron\(/.test(settings.expression)) return 'A cron() schedule expression';
  if (/^rate\(/.test(settings.expression)) return 'A rate() schedule expression';
  if (settings.timezone !== undefined && !UTC_NAMES.has(settings.timezone))
    return `ScheduleExpressionTimezone ${settings.timezone}`;
  if (settings.flexibleMode !== undefined && settings.flexibleMode !== 'OFF')
    return `FlexibleTimeWindow mode ${settings.flexibleMode}`;
  return undefined;
}

/** When an at() expression comes due, or why it is refused (AWS's ValidationException for a malformed one). */
export function parseScheduleExpression(
  expression: string,
  timezone: string | undefined,
  flexibleMode: string | undefined,
): ExpressionVerdict {
  const feature = unsupportedFeature({
    expression,
    ...(timezone === undefined ? {} : { timezone }),
    ...(flexibleMode === undefined ? {} : { flexibleMode }),
  });
  if (feature) return unsupported(feature);
  const invalid: ExpressionVerdict = {
    ok: false,
    unsupported: false,
    message: `Invalid Schedule Expression ${expression}.`,
  };
  const parts = AT.exec(expression);
  if (!parts) return invalid;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts.slice(1).map(Number);
  const dueAt = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is refused.
  if (dueAt.toISOString().slice(0, 19) !== expression.slice(3, 22)) return invalid;
  return { ok: true, dueAt };
}

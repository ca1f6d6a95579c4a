/**
 * Which status changes were pushed already. `claim` is atomic (a conditional write): true for the first caller
 * only, so a redelivered message is not pushed twice; `release` gives the claim back when pushing failed.
 */
export interface PushLedger {
  claim(eventId: string, now: Date): Promise<boolean>;
  release(eventId: string): Promise<void>;
}

import type { PaymentDeadlines } from '@harbor/orders-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** Deadlines are schedules of the payment-deadline group (functions.yaml `schedules`); creating one passes its role. */
export const schedulerPaymentDeadlinesAccess = {
  adapter: 'SchedulerPaymentDeadlines',
  methods: {
    schedule: [{ schedule: 'payment-deadline', actions: ['scheduler:CreateSchedule'] }],
    cancel: [{ schedule: 'payment-deadline', actions: ['scheduler:DeleteSchedule'] }],
  },
} as const satisfies AdapterAccess<PaymentDeadlines>;

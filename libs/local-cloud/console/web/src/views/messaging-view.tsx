import { ErrorNote, Json, ScrollTable } from '../components';
import type { MessagingResponse } from '../types';
import { useJson } from '../use-json';
import { MatchBox } from './match-box';
import { SendBox } from './send-box';

/** SNS topics with their subscriptions' filter policies, EventBridge buses with their rules' patterns. */
export function MessagingView() {
  const messaging = useJson<MessagingResponse>('/_local/messaging');
  const data = messaging.data;
  return (
    <section aria-labelledby="messaging-heading">
      <h1 id="messaging-heading">Topics, buses and rules</h1>
      <ErrorNote error={messaging.error} />
      {messaging.loading && !data ? <p aria-busy="true">Loading…</p> : null}
      {data ? (
        <>
          <h2>SNS topics</h2>
          {data.topics.map((topic) => (
            <details key={topic.arn} open>
              <summary>
                {topic.name} <small>({topic.subscriptions.length} subscriptions)</small>
              </summary>
              <ScrollTable caption={`Subscriptions of ${topic.name}`}>
                <thead>
                  <tr>
                    <th>Subscription</th>
                    <th>Function</th>
                    <th>Filter policy</th>
                    <th>Dead-letter queue</th>
                  </tr>
                </thead>
                <tbody>
                  {topic.subscriptions.map((subscription) => (
                    <tr key={subscription.name}>
                      <td>{subscription.name}</td>
                      <td>{subscription.functionId}</td>
                      <td>
                        {subscription.filterPolicy ? (
                          <>
                            <small>{subscription.filterPolicyScope}</small>
                            <Json
                              compact
                              label={`Filter policy of ${subscription.name}`}
                              value={subscription.filterPolicy}
                            />
                          </>
                        ) : (
                          'everything'
                        )}
                        {subscription.rawMessageDelivery ? <small> raw delivery</small> : null}
                      </td>
                      <td>{subscription.deadLetterQueue ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </details>
          ))}
          <h2>EventBridge buses</h2>
          {data.buses.map((bus) => (
            <details key={bus.arn} open>
              <summary>
                {bus.name} <small>({bus.rules.length} rules)</small>
              </summary>
              <ScrollTable caption={`Rules of ${bus.name}`}>
                <thead>
                  <tr>
                    <th>Rule</th>
                    <th>Function</th>
                    <th>Event pattern</th>
                    <th>Retry / dead-letter queue</th>
                  </tr>
                </thead>
                <tbody>
                  {bus.rules.map((rule) => (
                    <tr key={rule.name}>
                      <td>{rule.name}</td>
                      <td>{rule.functionId}</td>
                      <td>
                        <Json compact label={`Event pattern of ${rule.name}`} value={rule.eventPattern} />
                      </td>
                      <td>
                        {rule.retryPolicy ? <code>{JSON.stringify(rule.retryPolicy)}</code> : null}{' '}
                        {rule.deadLetterQueue ?? '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </details>
          ))}
          <MatchBox messaging={data} />
          <SendBox messaging={data} />
        </>
      ) : null}
    </section>
  );
}

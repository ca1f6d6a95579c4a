/** Dead-letter queues are named like every physical resource: `harbor-<env>-<subscription or rule>-dlq`. */
export function deadLetterQueueName(env: string, targetName: string): string {
  return `harbor-${env}-${targetName}-dlq`;
}

/** The catalog table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-catalog). */
export function catalogTableName(): string {
  const env = process.env.HARBOR_ENV;
  if (!env || !process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new Error(
      'HARBOR_ENV and AWS_ENDPOINT_URL_DYNAMODB are unset: run these tests through jest.config.cjs, which starts DynamoDB Local',
    );
  }
  return `harbor-${env}-catalog`;
}

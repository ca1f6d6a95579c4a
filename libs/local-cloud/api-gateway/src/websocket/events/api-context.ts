/** The deployed API an event comes from. */
export interface ApiContext {
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/** `arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<route key>`, what an authorizer's policy is checked against. */
export const routeArn = (api: ApiContext, routeKey: string): string =>
  `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${api.stage}/${routeKey}`;

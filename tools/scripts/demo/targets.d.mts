export interface LocalTarget {
  readonly kind: 'local';
  readonly name: string;
  readonly rest: string;
  readonly httpApi: string;
  readonly catalogApi: string;
  readonly notifications: string;
  readonly aws: string;
  readonly dynamodb: string;
}
export interface DeployedTarget {
  readonly kind: 'aws';
  readonly name: string;
  readonly rest: string;
  readonly httpApi: string;
  readonly catalogApi: string;
  readonly notifications: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly inventoryClientId: string;
  readonly catalogClientId: string;
  readonly domain: string | undefined;
  readonly region: string;
}
export declare const root: string;
export declare function targetArgument(argv: readonly string[]): string | undefined;
export declare function localTarget(env?: Record<string, string | undefined>): LocalTarget;
export declare function resolveTarget(name: string, outputs: unknown): DeployedTarget;
export declare function terraformTarget(
  name: string,
  run?: (file: string, args: string[], options: object) => string,
): DeployedTarget;

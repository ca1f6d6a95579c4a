import type { DeployedTarget } from './targets.mjs';

type Cli = (args: string[]) => Record<string, unknown>;
type Post = (url: string, init: RequestInit) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
export interface Access {
  customerToken(label: string): Promise<string>;
  adminToken(): Promise<string>;
  catalogAdminToken(): Promise<string>;
  /** The version of a SKU's price orders holds (0: none yet). */
  orderPriceVersion(sku: string): Promise<number>;
  webhookCredentials(): { apiKey: string; secret: string };
  cleanUp(): void;
}
export declare function awsCli(
  args: string[],
  exec?: (file: string, args: string[], options: object) => string,
): Record<string, unknown>;
export declare function throwAwayUser(
  label: string,
  random?: (size: number) => Buffer,
): { email: string; password: string };
export declare function signInCalls(target: DeployedTarget, user: { email: string; password: string }): string[][];
export declare function deleteUserCall(target: DeployedTarget, email: string): string[];
export declare function idTokenOf(answer: unknown): string;
export declare function clientCredentialsRequest(
  target: Pick<DeployedTarget, 'domain' | 'region'>,
  clientId: string,
  clientSecret: string,
  scopes: string[],
): { url: string; init: { method: string; headers: Record<string, string>; body: string } };
export declare function clientSecretCall(target: DeployedTarget, clientId?: string): string[];
export declare function orderPriceCall(target: DeployedTarget, sku: string): string[];
export declare function webhookCalls(target: DeployedTarget): { apiKey: string[]; secret: string[] };
export declare function deployedAccess(target: DeployedTarget, io?: { cli?: Cli; post?: Post }): Access;

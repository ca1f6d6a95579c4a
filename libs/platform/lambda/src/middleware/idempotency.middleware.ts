import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { platformProblems } from '../problems/platform-problems';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export interface IdempotencyOptions {
  /** Environment variable holding the idempotency table's name (read on the first request). */
  readonly tableNameEnv?: string;
  /** Lower-case request header carrying the client's key. */
  readonly headerName?: string;
  /** How long a completed request is replayed (Powertools default: one hour). */
  readonly expiresAfterSeconds?: number;
}

const defaults = { tableNameEnv: 'IDEMPOTENCY_TABLE_NAME', headerName: 'idempotency-key', expiresAfterSeconds: 3600 };

const USABLE_KEY = /^[\x21-\x7e]{1,255}$/;

type PowertoolsMiddleware = ReturnType<typeof makeHandlerIdempotent>;

/**
 * Powertools idempotency for create routes, keyed by the caller (Cognito `sub`) plus the idempotency header,
 * with the parsed body as the payload that must match. A completed request is replayed byte for byte.
 *
 * Powertools' own onError deletes the record for the request's key even when its `before` rejected the
 * request; a reused key or a concurrent duplicate would then erase the original's record
 * (aws-powertools/powertools-lambda-typescript#5675, fixed upstream after 2.35). This wrapper only lets
 * onError run for requests that got past `before`.
 */
export function idempotency(opts: IdempotencyOptions = {}): HttpMiddleware<APIGatewayProxyEvent> {
  const options = { ...defaults, ...opts };
  if (!/^[a-z0-9-]+$/.test(options.headerName))
    throw new Error(`Invalid idempotency header name "${options.headerName}": expected lower case`);
  const config = new IdempotencyConfig({
    eventKeyJmesPath: `[requestContext.authorizer.claims.sub, headers."${options.headerName}"]`,
    payloadValidationJmesPath: 'powertools_json(body)',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: options.expiresAfterSeconds,
  });
  const byTable = new Map<string, PowertoolsMiddleware>();
  const admitted = new WeakSet<HttpRequest<APIGatewayProxyEvent>>();

  const powertoolsFor = (request: HttpRequest<APIGatewayProxyEvent>): PowertoolsMiddleware => {
    const tableName = process.env[options.tableNameEnv];
    if (!tableName) throw new Error(`Idempotency is on but ${options.tableNameEnv} is not set`);
    let middleware = byTable.get(tableName);
    if (!middleware) {
      const persistenceStore = new DynamoDBPersistenceLayer({ tableName });
      middleware = makeHandlerIdempotent({ persistenceStore, config, keyPrefix: request.context.functionName });
      byTable.set(tableName, middleware);
    }
    return middleware;
  };

  const idempotencyBefore = async (request: HttpRequest<APIGatewayProxyEvent>) => {
    const key = request.event.headers?.[options.headerName];
    if (key === undefined || !USABLE_KEY.test(key)) throw platformProblems.idempotencyKeyMissing(options.headerName);
    const powertools = powertoolsFor(request);
    try {
      const replayed = await powertools.before?.(request);
      admitted.add(request);
      return replayed;
    } catch (error) {
      throw translate(error, options.headerName);
    }
  };
  const idempotencyAfter = async (request: HttpRequest<APIGatewayProxyEvent>) => {
    if (admitted.has(request)) await powertoolsFor(request).after?.(request);
  };
  const idempotencyOnError = async (request: HttpRequest<APIGatewayProxyEvent>) => {
    if (admitted.has(request)) await powertoolsFor(request).onError?.(request);
  };
  return { before: idempotencyBefore, after: idempotencyAfter, onError: idempotencyOnError };
}

function translate(error: unknown, headerName: string): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'IdempotencyValidationError') return platformProblems.idempotencyKeyReused(headerName, error);
  if (error.name === 'IdempotencyAlreadyInProgressError') return platformProblems.requestInProgress(headerName, error);
  return error;
}

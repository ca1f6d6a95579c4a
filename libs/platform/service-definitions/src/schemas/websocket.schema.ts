import * as z from 'zod';
import { FunctionKeySchema } from './function.schema';

/**
 * A WebSocket API, in the shape of the Terraform websocket-api module's variables (route_selection_expression,
 * routes, authorizer, stage_name), camelCase like the other declaration files. Functions are keys of this
 * service's functions.yaml. Defaults are the module's.
 */
const SPECIAL_ROUTE_KEYS = new Set(['$connect', '$disconnect', '$default']);

const RouteKeySchema = z.string().refine((key) => SPECIAL_ROUTE_KEYS.has(key) || /^[^$\s]\S{0,127}$/.test(key), {
  error: 'expected $connect, $disconnect, $default or a custom route key (no spaces, not starting with $)',
});

// What API Gateway accepts for a REQUEST authorizer of a WebSocket API.
const IdentitySourceSchema = z
  .string()
  .regex(/^(route\.request\.header|route\.request\.querystring|stageVariables|context)\.[^\s,]+$/, {
    error:
      'expected route.request.header.<name>, route.request.querystring.<name>, stageVariables.<name> or context.<name>',
  });

export const WebSocketRouteSchema = z.strictObject({
  function: FunctionKeySchema,
  /** Two-way communication: a `$default` route response sends the function's result `body` back to the client. */
  twoWay: z.boolean().default(false),
});

export const WebSocketAuthorizerSchema = z.strictObject({
  function: FunctionKeySchema,
  identitySources: z.array(IdentitySourceSchema).min(1).default(['route.request.querystring.token']),
});

export const WebSocketFileSchema = z
  .strictObject({
    description: z.string().optional(),
    routeSelectionExpression: z
      .string()
      .regex(/^\$request\.body\.[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, { error: 'expected $request.body.<path>' })
      .default('$request.body.action'),
    stage: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: 'expected 1 to 128 letters, digits, - or _' })
      .default('v1'),
    authorizer: WebSocketAuthorizerSchema.optional(),
    routes: z.record(RouteKeySchema, WebSocketRouteSchema),
  })
  .superRefine(function checkRoutes(file, ctx) {
    if (Object.keys(file.routes).length === 0)
      ctx.addIssue({ code: 'custom', path: ['routes'], message: 'declare at least one route' });
    for (const key of ['$connect', '$disconnect']) {
      if (file.routes[key]?.twoWay)
        ctx.addIssue({
          code: 'custom',
          path: ['routes', key, 'twoWay'],
          message: 'a route response answers a message: $connect and $disconnect have none',
        });
    }
    if (file.authorizer && !('$connect' in file.routes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorizer'],
        message: 'an authorizer runs on $connect: declare a $connect route',
      });
    }
  });
export type WebSocketDefinition = z.output<typeof WebSocketFileSchema>;

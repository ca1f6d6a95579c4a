import type { APIGatewayProxyResult } from 'aws-lambda';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://harbor.dev/problems/';

/** RFC 9457 problem details, as every 4xx/5xx body of a Harbor API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** Stable machine-readable code (`ORDER.NOT_FOUND`); clients key on it. */
  readonly code?: string;
  /** The request id, to find the request in logs and traces. */
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export interface ProblemInput {
  /** Last segment of the type URI: `validation` → `https://harbor.dev/problems/validation`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly instance?: string;
  /** Extension members; they never override the standard members above. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Builds a problem; extension members go first so the standard members always win. */
export function problem(input: ProblemInput): Problem {
  const built: Record<string, unknown> = { ...input.extensions };
  built.type = input.type.includes(':') ? input.type : `${PROBLEM_TYPE_BASE}${input.type}`;
  built.title = input.title;
  built.status = input.status;
  if (input.detail !== undefined) built.detail = input.detail;
  if (input.code !== undefined) built.code = input.code;
  if (input.instance !== undefined) built.instance = input.instance;
  return built as Problem;
}

/** The API Gateway proxy response carrying a problem. */
export function problemResponse(body: Problem, headers: Readonly<Record<string, string>> = {}): APIGatewayProxyResult {
  return {
    statusCode: body.status,
    headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(body),
  };
}

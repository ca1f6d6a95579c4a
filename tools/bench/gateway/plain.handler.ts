import type { APIGatewayProxyResult } from 'aws-lambda';

// The same answer as hello.handler.ts without Middy or Powertools: separates what the local runtime costs per
// invocation from what the function's own middleware stack costs (which Lambda pays too).
export const handler = async (): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'hello', service: 'bench' }),
});

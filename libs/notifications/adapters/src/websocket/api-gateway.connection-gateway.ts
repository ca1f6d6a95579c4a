import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ConnectionGateway, PostOutcome } from '@harbor/notifications-application';
import type { OrderStatusMessage } from '@harbor/notifications-domain';

export interface ApiGatewayConnectionGatewayOptions {
  /**
   * The @connections client. By default one with no explicit endpoint: AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI
   * names it (the API's https://<api-id>.execute-api.<region>.amazonaws.com/<stage> in AWS, the local cloud locally).
   */
  readonly client?: ApiGatewayManagementApiClient;
}

/** ConnectionGateway through API Gateway's @connections API (PostToConnection); a 410 GoneException is `gone`. */
export class ApiGatewayConnectionGateway implements ConnectionGateway {
  private readonly client: ApiGatewayManagementApiClient;

  constructor(options: ApiGatewayConnectionGatewayOptions = {}) {
    this.client = options.client ?? new ApiGatewayManagementApiClient({});
  }

  async post(connectionId: string, message: OrderStatusMessage): Promise<PostOutcome> {
    try {
      await this.client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: new TextEncoder().encode(JSON.stringify(message)),
        }),
      );
      return 'delivered';
    } catch (error) {
      if (error instanceof GoneException || (error instanceof Error && error.name === 'GoneException')) return 'gone';
      throw error;
    }
  }
}

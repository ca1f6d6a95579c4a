output "api_id" {
  description = "Id of the WebSocket API (the ApiId metric dimension)."
  value       = aws_apigatewayv2_api.this.id
}

output "websocket_url" {
  description = "wss:// URL clients connect to."
  value       = aws_apigatewayv2_stage.this.invoke_url
}

output "execution_arn" {
  description = "Execution ARN of the API (arn:aws:execute-api:<region>:<account>:<api-id>), the prefix of its @connections ARNs."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "connections_endpoint" {
  description = "HTTPS endpoint of the @connections management API (for ApiGatewayManagementApiClient). Built from the API and the stage name, not the stage, so the route functions may take it in their environment."
  value       = "https://${aws_apigatewayv2_api.this.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/${var.stage_name}"
}

output "manage_connections_policy_statement" {
  description = "Policy statement (lambda-function policy_statements shape) allowing execute-api:ManageConnections on this API's @connections only."
  value = {
    sid       = "ManageConnections${replace(title(replace(var.name, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
    actions   = ["execute-api:ManageConnections"]
    resources = ["${aws_apigatewayv2_api.this.execution_arn}/${var.stage_name}/*/@connections/*"]
  }
}

output "access_log_group_name" {
  description = "Log group of the stage's JSON access logs."
  value       = aws_cloudwatch_log_group.access.name
}

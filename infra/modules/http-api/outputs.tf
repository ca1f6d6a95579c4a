output "api_id" {
  description = "Id of the HTTP API (the ApiId metric dimension)."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the API ($default stage)."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "execution_arn" {
  description = "Execution ARN prefix of the API."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "route_ids" {
  description = "Route ids by route key."
  value       = { for key, route in aws_apigatewayv2_route.this : key => route.id }
}

output "access_log_group_name" {
  description = "Log group of the stage's JSON access logs."
  value       = aws_cloudwatch_log_group.access.name
}

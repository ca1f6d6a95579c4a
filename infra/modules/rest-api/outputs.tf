output "rest_api_id" {
  description = "Id of the REST API."
  value       = aws_api_gateway_rest_api.this.id
}

output "name" {
  description = "Name of the REST API (the ApiName metric dimension)."
  value       = aws_api_gateway_rest_api.this.name
}

output "execution_arn" {
  description = "Execution ARN prefix of the API (for permissions)."
  value       = aws_api_gateway_rest_api.this.execution_arn
}

output "stage_name" {
  description = "Name of the stage (the Stage metric dimension)."
  value       = aws_api_gateway_stage.this.stage_name
}

output "invoke_url" {
  description = "Base URL of the stage."
  value       = aws_api_gateway_stage.this.invoke_url
}

output "body" {
  description = "The deployed OpenAPI body (JSON) with every placeholder filled in."
  value       = local.body
}

output "sns_publish_role_arns" {
  description = "Credentials role of each SNS-direct topic, by topic key (what $${sns_publish_role_arns.<topic>} resolves to)."
  value       = local.sns_publish_role_arns
  depends_on  = [aws_iam_role.sns_publish]
}

output "access_log_group_name" {
  description = "Log group of the stage's JSON access logs."
  value       = aws_cloudwatch_log_group.access.name
}

output "api_key_ids" {
  description = "API key ids by <usage plan>/<key name> (values are read with aws apigateway get-api-key --include-value)."
  value       = { for key, api_key in aws_api_gateway_api_key.this : key => api_key.id }
}

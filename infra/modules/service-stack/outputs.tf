output "name_prefix" {
  description = "Prefix of the service's physical names (harbor-<environment>); functions and queues add the service name."
  value       = local.prefix
}

output "region" {
  description = "Region the service is deployed to."
  value       = local.region
}

output "tags" {
  description = "Tags the module puts on the service's resources, for the calling stack's own resources."
  value       = local.tags
}

output "functions" {
  description = "The service's functions by function key: function_name, function_arn and invoke_arn (API integrations)."
  value       = { for key, function in module.functions : key => { function_name = function.function_name, function_arn = function.function_arn, invoke_arn = function.invoke_arn } }
}

output "table_names" {
  description = "Physical table names by table key."
  value       = { for key, table in module.tables : key => table.name }
}

output "topic_arns" {
  description = "ARNs of the topics this service owns, by topic key (input of other services' external_topic_arns)."
  value       = { for key, topic in module.topics : key => topic.topic_arn }
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = local.dead_letter_queues
}

output "dashboard_name" {
  description = "Name of the service's CloudWatch dashboard."
  value       = module.observability.dashboard_name
}

output "declaration_errors" {
  description = "What the declarations refer to but do not declare, or what this module cannot deploy, one message each: the calling stack must fail the plan unless it is empty (those declarations are left out)."
  value       = local.declaration_errors
}

output "secret_arns" {
  description = "The service's Secrets Manager secrets (functions.yaml secrets), by key; put their values before the first call."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.arn }
}

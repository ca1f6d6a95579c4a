output "event_bus_name" {
  description = "Name of the environment's custom event bus (harbor-<env>-events)."
  value       = aws_cloudwatch_event_bus.this.name
}

output "event_bus_arn" {
  description = "ARN of the event bus, known at plan time."
  value       = "${local.arn_prefix}:events:${local.region}:${var.account_id}:event-bus/${local.event_bus_name}"
  depends_on  = [aws_cloudwatch_event_bus.this]
}

output "api_gateway_cloudwatch_logs_role_arn" {
  description = "Role API Gateway writes logs with; REST and WebSocket stages are ordered after it is set on the account. Null when another environment owns the setting."
  value       = one(aws_api_gateway_account.this[*].cloudwatch_role_arn)
}

output "alarm_topic_arn" {
  description = "ARN of the topic every alarm of the environment notifies (harbor-<env>-alarms), known at plan time."
  value       = "${local.arn_prefix}:sns:${local.region}:${var.account_id}:${local.alarm_topic_name}"
  depends_on  = [aws_sns_topic.alarms]
}

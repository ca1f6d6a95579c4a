output "rule_name" {
  description = "Name of the rule."
  value       = aws_cloudwatch_event_rule.this.name
}

output "rule_arn" {
  description = "ARN of the rule, known at plan time."
  value       = local.known_rule_arn
  depends_on  = [aws_cloudwatch_event_rule.this]
}

output "dead_letter_queue_name" {
  description = "Name of the dead-letter queue, or null when disabled (for alarms)."
  value       = try(aws_sqs_queue.dead_letter[0].name, null)
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue, or null when disabled."
  value       = try(aws_sqs_queue.dead_letter[0].arn, null)
}

output "retry_policy" {
  description = "Retry policy of the target (EventBridge's defaults unless given)."
  value = {
    maximum_retry_attempts       = var.retry_policy.maximum_retry_attempts
    maximum_event_age_in_seconds = var.retry_policy.maximum_event_age_in_seconds
  }
}

output "topic_arn" {
  description = "ARN of the topic (created or given), known at plan time."
  value       = local.known_topic_arn
  depends_on  = [aws_sns_topic.this]
}

output "topic_name" {
  description = "Name of the topic."
  value       = local.topic_name
}

output "subscription_arns" {
  description = "Subscription ARNs by subscription name."
  value       = { for key, subscription in aws_sns_topic_subscription.this : key => subscription.arn }
}

output "dead_letter_queue_names" {
  description = "Dead-letter queue names by subscription name (for alarms)."
  value       = { for key, queue in aws_sqs_queue.dead_letter : key => queue.name }
}

output "dead_letter_queue_arns" {
  description = "Dead-letter queue ARNs by subscription name."
  value       = { for key, queue in aws_sqs_queue.dead_letter : key => queue.arn }
}

locals {
  # Every queue that holds a lost event, by a stable key: subscription, rule, stream and async-invoke failures.
  dead_letter_queues = merge(
    merge([for topic in values(module.topics) : { for key, queue in topic.dead_letter_queue_names : "subscription-${key}" => queue }]...),
    merge([for topic in values(module.external_topic_subscriptions) : { for key, queue in topic.dead_letter_queue_names : "subscription-${key}" => queue }]...),
    { for key, rule in module.rules : "rule-${key}" => rule.dead_letter_queue_name if rule.dead_letter_queue_name != null },
    { for key, queue in aws_sqs_queue.stream_failures : "stream-${key}" => queue.name },
    { for key, queue in aws_sqs_queue.schedule_failures : "schedule-${key}" => queue.name },
    { for key, function in module.functions : "async-${key}" => function.async_failure_queue_name if function.async_failure_queue_name != null },
  )
}

module "observability" {
  source = "../observability"

  name                         = "${local.prefix}-${local.service}"
  functions                    = { for key, function in module.functions : key => function.function_name }
  dead_letter_queues           = local.dead_letter_queues
  rest_apis                    = var.rest_apis
  http_apis                    = var.http_apis
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms
  alarm_actions                = var.alarm_actions
  tags                         = local.tags
}

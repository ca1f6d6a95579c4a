locals {
  # Settings left out of events.yaml take AWS's defaults, as the local cloud does.
  subscription_inputs = {
    for name, subscription in local.subscriptions : name => {
      topic                = subscription.topic
      function_arn         = module.functions[subscription.function].function_arn
      function_name        = module.functions[subscription.function].function_name
      filter_policy        = try(jsonencode(subscription.filterPolicy), null)
      filter_policy_scope  = try(subscription.filterPolicyScope, "MessageAttributes")
      raw_message_delivery = try(subscription.rawMessageDelivery, false)
      dead_letter_queue    = try(subscription.deadLetterQueue, false)
      # harbor-<env>-<service>-<name>-dlq, like the rules' and streams' queues.
      dead_letter_queue_name = "${local.prefix}-${local.service}-${name}-dlq"
    }
  }

  # Subscription keys carry the service name: several services may subscribe to one topic.
  subscriptions_by_topic = {
    for topic in distinct([for subscription in values(local.subscriptions) : subscription.topic]) : topic => {
      for name, input in local.subscription_inputs : "${local.service}-${name}" => {
        for attribute, value in input : attribute => value if attribute != "topic"
      } if input.topic == topic
    }
  }
  external_subscribed_topics = toset([for topic in keys(local.subscriptions_by_topic) : topic if !contains(keys(local.topics), topic)])
}

module "topics" {
  source   = "../sns-topic"
  for_each = local.topics

  name          = "${local.prefix}-${each.key}"
  account_id    = var.account_id
  subscriptions = lookup(local.subscriptions_by_topic, each.key, {})
  tags          = local.tags
}

module "external_topic_subscriptions" {
  source   = "../sns-topic"
  for_each = local.external_subscribed_topics

  create_topic  = false
  topic_arn     = var.external_topic_arns[each.key]
  account_id    = var.account_id
  subscriptions = local.subscriptions_by_topic[each.key]
  tags          = local.tags
}

module "rules" {
  source   = "../event-rule"
  for_each = local.rules

  name              = "${local.prefix}-${local.service}-${each.key}"
  description       = "Delivers ${jsonencode(each.value.eventPattern)} to ${local.service}.${each.value.function}."
  event_bus_name    = local.bus_names[each.value.bus]
  event_pattern     = jsonencode(each.value.eventPattern)
  function_arn      = module.functions[each.value.function].function_arn
  function_name     = module.functions[each.value.function].function_name
  dead_letter_queue = try(each.value.deadLetterQueue, false)
  account_id        = var.account_id
  tags              = local.tags

  retry_policy = {
    maximum_retry_attempts       = try(each.value.retryPolicy.maximumRetryAttempts, 185)
    maximum_event_age_in_seconds = try(each.value.retryPolicy.maximumEventAgeSeconds, 86400)
  }
}

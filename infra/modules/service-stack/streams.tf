# DynamoDB stream -> function (the outbox relay). The starting position is required (AWS has no default); settings
# left out of events.yaml take AWS's defaults (batch of 100, retry until the record leaves the stream, no bisection,
# no partial batch responses, no filter, no failure queue).
resource "aws_sqs_queue" "stream_failures" {
  for_each = local.stream_dead_letter_names

  name                      = each.value
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.tags
}

resource "aws_lambda_event_source_mapping" "streams" {
  for_each = local.streams

  event_source_arn               = module.tables[each.value.table].stream_arn
  function_name                  = module.functions[each.value.function].function_name
  starting_position              = each.value.startingPosition
  batch_size                     = try(each.value.batchSize, 100)
  maximum_retry_attempts         = try(each.value.maximumRetryAttempts, -1)
  bisect_batch_on_function_error = try(each.value.bisectBatchOnFunctionError, false)
  function_response_types        = try(each.value.reportBatchItemFailures, false) ? ["ReportBatchItemFailures"] : []

  # A record reaches the function when it matches any one pattern (events.yaml filterPatterns).
  dynamic "filter_criteria" {
    for_each = length(try(each.value.filterPatterns, [])) > 0 ? [each.value.filterPatterns] : []

    content {
      dynamic "filter" {
        for_each = filter_criteria.value

        content {
          pattern = jsonencode(filter.value)
        }
      }
    }
  }

  dynamic "destination_config" {
    for_each = contains(keys(local.stream_dead_letter_names), each.key) ? [local.stream_dead_letter_names[each.key]] : []

    content {
      on_failure {
        # Built from the queue name (known at plan time); depends_on creates the queue first.
        destination_arn = "${local.arn_prefix}:sqs:${local.region_account}:${destination_config.value}"
      }
    }
  }

  tags = local.tags

  depends_on = [aws_sqs_queue.stream_failures]
}

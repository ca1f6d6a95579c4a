# The module turns every kind of declaration into resources: run on the orders stack's example declarations
# (services/orders/examples/every-declaration/api), which use them all, on its fixtures, and on this module's own
# fixtures (tests/fixtures). The check builds placeholder zips for the function keys all of them declare, and
# reruns this test when a folder it reads by relative path changes.
# Run with: terraform test -var artifacts_dir=<folder with a zip per declared function>
mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  service                        = "orders"
  environment                    = "test"
  account_id                     = "123456789012"
  declarations_dir               = "../../services/orders/examples/every-declaration/api"
  event_bus_name                 = "harbor-test-events"
  external_topic_arns            = { payments = "arn:aws:sns:eu-west-1:123456789012:harbor-test-payments" }
  log_retention_in_days          = 7
  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
  secret_environment             = { onPaymentSucceeded = { PROVIDER_TOKEN = "from-secrets-manager" } }
  # The REST API of openapi.yaml is the orders stack's: here only its references are checked.
  deployed_api_files = ["openapi.yaml"]
  api_references     = [{ from = "openapi.yaml", function = "placeOrder" }, { from = "openapi.yaml", topic = "order-status" }]
}

# One plan of the example declarations (plans are the costly part of a run), its assertions grouped by concern.
run "every_declaration_kind" {
  command = plan

  # Every event source gets its resources.
  assert {
    condition     = keys(module.topics) == ["order-status"] && keys(module.external_topic_subscriptions) == ["payments"]
    error_message = "Own topics are created; subscriptions to other services' topics attach to the given ARN."
  }

  assert {
    condition     = keys(module.topics["order-status"].subscription_arns) == ["orders-audit-status"] && keys(module.external_topic_subscriptions["payments"].subscription_arns) == ["orders-on-payment-succeeded"]
    error_message = "Each subscription lands on its topic, keyed by service and name."
  }

  assert {
    condition     = jsondecode(local.subscription_inputs["audit-status"].filter_policy) == { payload = { status = [{ anything-but = ["PENDING"] }] } } && local.subscription_inputs["audit-status"].filter_policy_scope == "MessageBody"
    error_message = "Filter policies and their scope are passed as declared."
  }

  assert {
    condition     = module.rules["stock-reserved"].rule_name == "harbor-test-orders-stock-reserved" && module.rules["stock-reserved"].dead_letter_queue_name == "harbor-test-orders-stock-reserved-dlq"
    error_message = "Rules are named harbor-<env>-<service>-<rule> and get the dead-letter queue they declare."
  }

  assert {
    condition     = module.external_topic_subscriptions["payments"].dead_letter_queue_names == { "orders-on-payment-succeeded" = "harbor-test-orders-on-payment-succeeded-dlq" }
    error_message = "Subscription dead-letter queues are named harbor-<env>-<service>-<subscription>-dlq, like those of rules and streams."
  }

  assert {
    condition = (
      aws_lambda_event_source_mapping.streams["outbox-relay"].function_response_types == toset(["ReportBatchItemFailures"]) &&
      aws_lambda_event_source_mapping.streams["outbox-relay"].bisect_batch_on_function_error &&
      aws_lambda_event_source_mapping.streams["outbox-relay"].maximum_retry_attempts == 3 &&
      aws_lambda_event_source_mapping.streams["outbox-relay"].batch_size == 25 &&
      aws_lambda_event_source_mapping.streams["outbox-relay"].starting_position == "TRIM_HORIZON" &&
      jsondecode(one(aws_lambda_event_source_mapping.streams["outbox-relay"].filter_criteria[0].filter).pattern) == { eventName = ["INSERT"], dynamodb = { Keys = { sk = { S = [{ prefix = "OUTBOX#" }] } } } } &&
      aws_lambda_event_source_mapping.streams["outbox-relay"].destination_config[0].on_failure[0].destination_arn == "arn:aws:sqs:eu-west-1:123456789012:harbor-test-orders-outbox-relay-dlq"
    )
    error_message = "The stream mapping reports partial failures, bisects, retries as declared and keeps failures in a queue."
  }

  # Omitted settings take the AWS defaults the local cloud uses.
  assert {
    condition     = module.topics["order-status"].dead_letter_queue_names == {} && module.rules["audit-inventory"].dead_letter_queue_name == null
    error_message = "A subscription or rule gets a dead-letter queue only when it declares one (AWS's and the local cloud's default)."
  }

  assert {
    condition     = module.rules["audit-inventory"].retry_policy == { maximum_retry_attempts = 185, maximum_event_age_in_seconds = 86400 }
    error_message = "A rule without retryPolicy keeps EventBridge's defaults."
  }

  # Asynchronous consumers have dead-letter queues, and every queue an alarm.
  assert {
    condition = toset(keys(local.dead_letter_queues)) == toset([
      "subscription-orders-on-payment-succeeded", "rule-stock-reserved", "stream-outbox-relay",
      "async-onPaymentSucceeded", "async-onStatusAudited", "async-onStockReserved",
    ])
    error_message = "Declared dead-letter queues exist, and every asynchronously invoked function keeps its failed events."
  }

  assert {
    condition     = module.functions["placeOrder"].async_failure_queue_name == null && module.functions["relayOutbox"].async_failure_queue_name == null
    error_message = "Synchronously invoked functions get no failure queue."
  }

  assert {
    condition     = toset(module.observability.alarm_names.dead_letter) == toset([for queue in values(local.dead_letter_queues) : "${queue}-not-empty"])
    error_message = "Every dead-letter queue has an alarm."
  }

  # Roles and environments follow the declarations.
  assert {
    condition     = [for s in local.stream_statements["relayOutbox"] : s.sid] == ["ReadStreamOutboxRelay", "SendStreamFailuresOutboxRelay"]
    error_message = "The stream consumer may read the stream and send failures to its queue."
  }

  assert {
    condition     = [for s in local.publish_statements["relayOutbox"] : s.resources[0]] == ["arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status", "arn:aws:events:eu-west-1:123456789012:event-bus/harbor-test-events"]
    error_message = "Publishers may publish to their topic and put events on the bus."
  }

  assert {
    condition     = local.publish_statements["relayOutbox"][1].conditions == [{ test = "StringEquals", variable = "events:source", values = ["harbor.orders"] }]
    error_message = "Events may only be put with the service's own source."
  }

  assert {
    condition     = local.table_statements["placeOrder"][0].resources == ["arn:aws:dynamodb:eu-west-1:123456789012:table/harbor-test-orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/harbor-test-orders/index/byCustomer"]
    error_message = "Table statements cover the table and the declared indexes."
  }

  assert {
    # Values as Lambda gets them (strings): YAML reads `25` as a number.
    condition = { for name, value in local.function_environments["relayOutbox"] : name => tostring(value) } == {
      HARBOR_ENV        = "test", POWERTOOLS_SERVICE_NAME = "orders", LOG_LEVEL = "INFO", BATCH_LIMIT = "25",
      ORDERS_TABLE_NAME = "harbor-test-orders", EVENT_BUS_NAME = "harbor-test-events", ORDER_STATUS_TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status",
    }
    error_message = "Environment variables are those the local cloud sets: environment, service, declared values, tables, bus and topics."
  }

  # A declared secret takes the value passed in, never the file's; the other variables stay plain.
  assert {
    condition     = nonsensitive(local.secret_environments["onPaymentSucceeded"]) == { PROVIDER_TOKEN = "from-secrets-manager" } && !contains(keys(local.function_environments["onPaymentSucceeded"]), "PROVIDER_TOKEN")
    error_message = "Secrets come from secret_environment and are passed to the function as sensitive values."
  }

  assert {
    condition     = output.declaration_errors == [] && output.functions["placeOrder"].invoke_arn == "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-orders-placeOrder/invocations"
    error_message = "Complete declarations have no errors, and the API gets each function's invoke ARN."
  }
}

run "omitted_stream_settings_take_the_aws_defaults" {
  command = plan

  variables {
    declarations_dir = "../../services/orders/tests/fixtures/stream-defaults"
  }

  assert {
    condition = (
      aws_lambda_event_source_mapping.streams["relay"].starting_position == "LATEST" &&
      aws_lambda_event_source_mapping.streams["relay"].batch_size == 100 &&
      length(aws_lambda_event_source_mapping.streams["relay"].filter_criteria) == 0 &&
      aws_lambda_event_source_mapping.streams["relay"].maximum_retry_attempts == -1 &&
      !aws_lambda_event_source_mapping.streams["relay"].bisect_batch_on_function_error &&
      length(aws_lambda_event_source_mapping.streams["relay"].function_response_types) == 0 &&
      length(aws_lambda_event_source_mapping.streams["relay"].destination_config) == 0 &&
      length(aws_sqs_queue.stream_failures) == 0
    )
    error_message = "A stream with only its starting position uses Lambda's defaults, no filter and no failure queue."
  }

  assert {
    condition     = [for s in local.stream_statements["relay"] : s.sid] == ["ReadStreamRelay"]
    error_message = "Without a failure queue the consumer may only read the stream."
  }
}

run "names_what_it_cannot_deploy" {
  command = plan

  variables {
    deployed_api_files = []
    api_references     = [{ from = "openapi.yaml", function = "missing" }, { from = "openapi.yaml", topic = "nowhere" }]
    secret_environment = {}
  }

  assert {
    condition = toset(output.declaration_errors) == toset([
      "openapi.yaml -> function missing",
      "openapi.yaml -> topic nowhere (neither in events.yaml topics nor in external_topic_arns)",
      "openapi.yaml -> declared, but infra/services/orders does not deploy it yet",
      "functions.yaml onPaymentSucceeded.environment.PROVIDER_TOKEN -> a secret: the file holds the local cloud's value; pass the real one in secret_environment",
    ])
    error_message = "Unknown API references, API files the caller does not deploy and missing secrets are each named."
  }
}

run "websocket_functions_and_environment_placeholders" {
  command = plan

  variables {
    service             = "alerts"
    declarations_dir    = "tests/fixtures/websocket"
    deployed_api_files  = ["websocket.yaml"]
    api_references      = []
    external_topic_arns = {}
    secret_environment  = {}
    environment_placeholders = {
      cognito_issuer_url = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool"
      cognito_client_id  = "webclient"
    }
    websocket_api = {
      execution_arn        = "arn:aws:execute-api:eu-west-1:123456789012:ws1234"
      stage_name           = "live"
      connections_endpoint = "https://ws1234.execute-api.eu-west-1.amazonaws.com/live"
    }
  }

  assert {
    condition = jsonencode(local.connection_statements) == jsonencode({
      authorize = []
      connect   = []
      push = [{
        sid       = "ManageConnections"
        actions   = ["execute-api:ManageConnections"]
        resources = ["arn:aws:execute-api:eu-west-1:123456789012:ws1234/live/DELETE/@connections/*", "arn:aws:execute-api:eu-west-1:123456789012:ws1234/live/POST/@connections/*"]
      }]
    })
    error_message = "Only the function declaring connections may manage them, on this API's stage, for the methods it declares."
  }

  assert {
    condition = (
      local.function_environments["push"]["AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI"] == "https://ws1234.execute-api.eu-west-1.amazonaws.com/live" &&
      !contains(keys(local.function_environments["connect"]), "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI") &&
      !contains(keys(local.function_environments["authorize"]), "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")
    )
    error_message = "The function calling @connections is pointed at the API's management endpoint; the others are not."
  }

  assert {
    condition = (
      local.function_environments["authorize"]["TOKEN_ISSUER_URL"] == "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool" &&
      local.function_environments["authorize"]["TOKEN_AUDIENCE"] == "webclient" &&
      local.function_environments["authorize"]["GREETING"] == "hello $${name}"
    )
    error_message = "Placeholders are filled as the local cloud fills them; an escaped one reaches the function literally."
  }

  assert {
    condition     = output.declaration_errors == []
    error_message = "Filled placeholders and an API to call have nothing to report."
  }
}

run "names_unfilled_placeholders_and_connections_without_an_api" {
  command = plan

  variables {
    service             = "alerts"
    declarations_dir    = "tests/fixtures/websocket"
    deployed_api_files  = ["websocket.yaml"]
    api_references      = []
    external_topic_arns = {}
    secret_environment  = {}
  }

  assert {
    condition = toset(output.declaration_errors) == toset([
      "functions.yaml authorize.environment.TOKEN_ISSUER_URL -> placeholder $${cognito_issuer_url} has no value in this stack (environment_placeholders)",
      "functions.yaml authorize.environment.TOKEN_AUDIENCE -> placeholder $${cognito_client_id} has no value in this stack (environment_placeholders)",
      "functions.yaml push.connections -> the stack deploys no WebSocket API (websocket.yaml) to call",
    ])
    error_message = "A placeholder without a value and @connections calls without an API are each named."
  }

  assert {
    condition     = local.connection_statements["push"] == [] && local.function_environments["authorize"]["TOKEN_ISSUER_URL"] == "$${cognito_issuer_url}"
    error_message = "Nothing is granted without an API, and an unfilled placeholder is not rendered (the plan fails on the error)."
  }
}

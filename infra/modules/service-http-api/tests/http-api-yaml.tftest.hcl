# The module turns http-api.yaml into routes, an authorizer and the Cognito pieces its scopes need, and names what
# it cannot deploy. The environments' plans (infra/test) cover the services' own http-api.yaml.
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
  service                = "inventory"
  name_prefix            = "harbor-test"
  http_api_path          = "tests/fixtures/every-route/http-api.yaml"
  functions              = { for key in ["listStock", "getStock", "health", "fallback"] : key => { function_name = "harbor-test-inventory-${key}", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-inventory-${key}/invocations" } }
  cognito_user_pool_id   = "eu-west-1_pool"
  has_cognito_user_pool  = true
  region                 = "eu-west-1"
  account_id             = "123456789012"
  throttling_burst_limit = 10
  throttling_rate_limit  = 5
  log_retention_in_days  = 7
}

run "every_route_shape" {
  command = plan

  assert {
    condition = local.http_routes == {
      "GET /stock"       = { function = "listStock", timeout_milliseconds = 30000, payload_format_version = "2.0", authorization = "JWT", authorizer = tostring(null), authorization_scopes = ["stock/read"] }
      "ANY /stock/{sku}" = { function = "getStock", timeout_milliseconds = 5000, payload_format_version = "2.0", authorization = "JWT", authorizer = tostring(null), authorization_scopes = ["stock/write", "stock/read"] }
      "GET /health"      = { function = "health", timeout_milliseconds = 30000, payload_format_version = "2.0", authorization = "NONE", authorizer = tostring(null), authorization_scopes = [] }
      "$default"         = { function = "fallback", timeout_milliseconds = 30000, payload_format_version = "2.0", authorization = "JWT", authorizer = tostring(null), authorization_scopes = [] }
    }
    error_message = "Route keys, functions ($ref resolved), timeouts, document-level and per-route security are read as declared."
  }

  assert {
    condition     = local.resource_servers == { stock = ["read", "write"] } && aws_cognito_resource_server.this["stock"].identifier == "stock" && aws_cognito_resource_server.this["stock"].user_pool_id == "eu-west-1_pool"
    error_message = "Each scope prefix becomes a resource server of the environment's user pool, with the scopes routes require."
  }

  assert {
    condition     = aws_cognito_user_pool_client.api[0].allowed_oauth_scopes == toset(["stock/read", "stock/write"]) && aws_cognito_user_pool_client.api[0].allowed_oauth_flows == toset(["client_credentials"]) && aws_cognito_user_pool_client.api[0].generate_secret
    error_message = "The app client gets exactly the routes' scopes through the client credentials grant."
  }

  assert {
    condition     = local.jwt_authorizer.issuer == "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool" && local.jwt_authorizer.identity_sources == ["$request.header.Authorization"]
    error_message = "The authorizer trusts the environment's user pool and reads the bearer token."
  }

  assert {
    condition     = module.http_api[0].access_log_group_name == "/aws/apigateway/harbor-test-inventory-http" && local.declaration_errors == [] && local.deployed
    error_message = "The API is harbor-<env>-<service>-http and the declarations pass their checks."
  }

  # x-amazon-apigateway-cors becomes the API's CORS configuration, as the local cloud serves it.
  assert {
    condition = local.cors == {
      allow_origins = ["https://shop.example.com"], allow_methods = ["GET", "PUT"], allow_headers = ["authorization"], expose_headers = ["x-request-id"], max_age = 300, allow_credentials = true
    }
    error_message = "The file's CORS settings reach the HTTP API."
  }
}

run "refuses_what_it_cannot_deploy" {
  command = plan

  variables {
    http_api_path = "tests/fixtures/unsupported-api/http-api.yaml"
    functions     = { getStock = { function_name = "harbor-test-inventory-getStock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-inventory-getStock/invocations" } }
  }

  assert {
    condition = toset(local.declaration_errors) == toset([
      "http-api.yaml GET /proxy -> only aws_proxy integrations with uri $${lambda_invoke_arns.<function>} and payloadFormatVersion '1.0' or '2.0' are deployed",
      "http-api.yaml GET /missing -> function notDeclared is not in functions.yaml",
      "http-api.yaml GET /either -> security: one requirement naming the JWT scheme or a Lambda authorizer (alternatives and other schemes are not deployed)",
      "http-api.yaml components.securitySchemes.custom -> authorizerPayloadFormatVersion '1.0' or '2.0', simple responses with '2.0' only",
    ])
    error_message = "Each unsupported part of http-api.yaml is named."
  }

  assert {
    condition     = !local.deployed && length(module.http_api) == 0
    error_message = "Nothing is deployed of a file with declaration errors."
  }
}

run "needs_the_user_pool_its_authorizer_trusts" {
  command = plan

  variables {
    cognito_user_pool_id  = null
    has_cognito_user_pool = false
  }

  assert {
    condition     = anytrue([for error in local.declaration_errors : strcontains(error, "pass the environment's cognito_user_pool_id")]) && !local.deployed
    error_message = "An authorizer trusting the environment's pool without one is named, and nothing is deployed."
  }
}

# Lambda (REQUEST) authorizers and payload 1.0 integrations, deployed as the local cloud serves them.
run "lambda_authorizers" {
  command = plan

  variables {
    http_api_path = "tests/fixtures/lambda-authorizers/http-api.yaml"
    functions     = { for key in ["listStock", "getStock", "health", "authorize"] : key => { function_name = "harbor-test-inventory-${key}", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-inventory-${key}/invocations" } }
  }

  assert {
    condition = local.http_routes == {
      "GET /stock"       = { function = "listStock", timeout_milliseconds = 30000, payload_format_version = "1.0", authorization = "CUSTOM", authorizer = "apiKey", authorization_scopes = [] }
      "GET /stock/{sku}" = { function = "getStock", timeout_milliseconds = 30000, payload_format_version = "2.0", authorization = "CUSTOM", authorizer = "policy", authorization_scopes = [] }
      "GET /health"      = { function = "health", timeout_milliseconds = 30000, payload_format_version = "2.0", authorization = "NONE", authorizer = tostring(null), authorization_scopes = [] }
    }
    error_message = "Routes behind a Lambda authorizer are CUSTOM and name it; each keeps its payload format."
  }

  assert {
    condition = (
      local.lambda_authorizers["apiKey"].identity_sources == ["$request.header.x-api-key", "$request.querystring.tenant"]
      && local.lambda_authorizers["apiKey"].result_ttl_in_seconds == 60 && local.lambda_authorizers["apiKey"].enable_simple_responses
      && local.lambda_authorizers["policy"].identity_sources == ["$request.header.Authorization"] && local.lambda_authorizers["policy"].result_ttl_in_seconds == 300
      && local.lambda_authorizers["policy"].payload_format_version == "1.0" && !local.lambda_authorizers["policy"].enable_simple_responses
    )
    error_message = "identitySource (string or list), the TTL (300 s when unset), simple responses and the payload format are read as the local cloud reads them."
  }

  assert {
    condition     = local.deployed && local.declaration_errors == [] && !local.uses_cognito && length(aws_cognito_user_pool_client.api) == 0
    error_message = "Lambda authorizers need no user pool."
  }
}

run "refuses_lambda_authorizers_it_cannot_deploy" {
  command = plan

  variables {
    http_api_path = "tests/fixtures/unsupported-authorizers/http-api.yaml"
    functions     = { getStock = { function_name = "harbor-test-inventory-getStock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-inventory-getStock/invocations" } }
  }

  assert {
    condition = toset(local.declaration_errors) == toset([
      "http-api.yaml components.securitySchemes.simpleV1 -> authorizerPayloadFormatVersion '1.0' or '2.0', simple responses with '2.0' only",
      "http-api.yaml components.securitySchemes.longTtl -> authorizerResultTtlInSeconds from 0 to 3600",
      "http-api.yaml components.securitySchemes.ghost -> authorizerUri must be $${lambda_invoke_arns.<function>} of a function in functions.yaml",
      "http-api.yaml components.securitySchemes.ghost -> authorizerCredentials not deployed",
      "http-api.yaml GET /scoped -> a route behind a Lambda authorizer takes no scopes",
    ])
    error_message = "Each Lambda authorizer the local cloud would refuse is named, and nothing is deployed."
  }
}

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
      "GET /stock"       = { function = "listStock", timeout_milliseconds = 30000, authorization = "JWT", authorization_scopes = ["stock/read"] }
      "ANY /stock/{sku}" = { function = "getStock", timeout_milliseconds = 5000, authorization = "JWT", authorization_scopes = ["stock/write", "stock/read"] }
      "GET /health"      = { function = "health", timeout_milliseconds = 30000, authorization = "NONE", authorization_scopes = [] }
      "$default"         = { function = "fallback", timeout_milliseconds = 30000, authorization = "JWT", authorization_scopes = [] }
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
      "http-api.yaml GET /proxy -> only aws_proxy integrations with uri $${lambda_invoke_arns.<function>} and payloadFormatVersion '2.0' are deployed",
      "http-api.yaml GET /missing -> function notDeclared is not in functions.yaml",
      "http-api.yaml GET /either -> security: one requirement naming the JWT scheme (alternatives and other schemes are not deployed)",
      "http-api.yaml components.securitySchemes.custom -> only jwt authorizers are deployed",
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

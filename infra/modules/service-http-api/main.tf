# An HTTP API deployed from a service's http-api.yaml: one route per operation, with the Lambda integration, the JWT
# authorizer and the scopes the file declares, plus the Cognito resource servers and app client those scopes need.
# Routes are deployed as resources rather than as an imported body so that every route stays visible in the plan even
# while the app client (the authorizer's audience) is still to be created.
locals {
  http_api_exists = fileexists(var.http_api_path)
  http_api        = local.http_api_exists ? yamldecode(file(var.http_api_path)) : null
  # Deployed only when the file passes its checks; declaration_errors names the culprits otherwise.
  deployed = local.http_api_exists && length(local.declaration_errors) == 0
}

locals {
  http_methods = {
    get                              = "GET", put = "PUT", post = "POST", delete = "DELETE", options = "OPTIONS", head = "HEAD", patch = "PATCH",
    "x-amazon-apigateway-any-method" = "ANY"
  }
  reusable_integrations = try(local.http_api.components["x-amazon-apigateway-integrations"], {})

  # Route key => the operation's integration (a $ref resolved) and security (the document's when it has none).
  http_operations = merge([
    for path, item in try(local.http_api.paths, {}) : {
      for method, operation in item : (contains(["$default", "/$default"], path) ? "$default" : "${local.http_methods[method]} ${path}") => {
        integration = try(
          local.reusable_integrations[trimprefix(operation["x-amazon-apigateway-integration"]["$ref"], "#/components/x-amazon-apigateway-integrations/")],
          operation["x-amazon-apigateway-integration"],
        )
        security = try(operation.security, local.http_api.security, [])
      } if contains(keys(local.http_methods), method)
    }
  ]...)

  jwt_schemes = {
    for name, scheme in try(local.http_api.components.securitySchemes, {}) : name => scheme["x-amazon-apigateway-authorizer"]
    if try(scheme["x-amazon-apigateway-authorizer"].type, "") == "jwt"
  }
  jwt_scheme_name = length(local.jwt_schemes) == 1 ? one(keys(local.jwt_schemes)) : null

  # Lambda (REQUEST) authorizers, read as the local cloud reads them: the function of authorizerUri, the payload format,
  # simple responses, identity sources (a comma-separated string or a list) and the cache TTL (300 s when unset).
  request_schemes = {
    for name, scheme in try(local.http_api.components.securitySchemes, {}) : name => scheme["x-amazon-apigateway-authorizer"]
    if lower(try(scheme["x-amazon-apigateway-authorizer"].type, "")) == "request"
  }
  lambda_authorizers = {
    for name, authorizer in local.request_schemes : name => {
      function                = try(regex("^\\$\\{lambda_invoke_arns\\.([A-Za-z0-9_]+)\\}$", authorizer.authorizerUri)[0], "")
      payload_format_version  = try(tostring(authorizer.authorizerPayloadFormatVersion), "")
      enable_simple_responses = try(authorizer.enableSimpleResponses, false)
      identity_sources        = [for source in try(tolist(authorizer.identitySource), split(",", try(authorizer.identitySource, ""))) : trimspace(source) if trimspace(source) != ""]
      result_ttl_in_seconds   = try(authorizer.authorizerResultTtlInSeconds, 300)
      settings                = keys(authorizer)
    }
  }

  # The file's CORS configuration (x-amazon-apigateway-cors, the Cors object of the API), as the local cloud serves it.
  declared_cors = try(local.http_api["x-amazon-apigateway-cors"], null)
  cors = local.declared_cors == null ? null : {
    allow_origins     = try(local.declared_cors.allowOrigins, [])
    allow_methods     = try(local.declared_cors.allowMethods, [])
    allow_headers     = try(local.declared_cors.allowHeaders, [])
    expose_headers    = try(local.declared_cors.exposeHeaders, [])
    max_age           = try(local.declared_cors.maxAge, null)
    allow_credentials = try(local.declared_cors.allowCredentials, false)
  }

  http_routes = {
    for key, operation in local.http_operations : key => {
      function               = try(regex("^\\$\\{lambda_invoke_arns\\.([A-Za-z0-9_]+)\\}$", operation.integration.uri)[0], "")
      timeout_milliseconds   = try(operation.integration.timeoutInMillis, 30000)
      payload_format_version = try(tostring(operation.integration.payloadFormatVersion), "")
      # No requirement, or an empty one ({}), is an open route; a Lambda authorizer's scheme is CUSTOM; otherwise the
      # scopes the JWT scheme lists.
      authorization = (try(keys(operation.security[0])[0], null) == null ? "NONE"
      : contains(keys(local.request_schemes), try(keys(operation.security[0])[0], "")) ? "CUSTOM" : "JWT")
      authorizer           = contains(keys(local.request_schemes), try(keys(operation.security[0])[0], "")) ? tostring(keys(operation.security[0])[0]) : tostring(null)
      authorization_scopes = try(operation.security[0][local.jwt_scheme_name], [])
    }
  }
  http_function_keys = distinct([for route in values(local.http_routes) : route.function])

  # Scopes of resource servers (`<identifier>/<scope>`); Cognito's own scopes (openid, email, ...) have no slash.
  custom_scopes    = sort(distinct([for scope in flatten([for route in values(local.http_routes) : route.authorization_scopes]) : scope if can(regex("^[^/]+/[^/]+$", scope))]))
  resource_servers = { for identifier in distinct([for scope in local.custom_scopes : split("/", scope)[0]]) : identifier => [for scope in local.custom_scopes : split("/", scope)[1] if split("/", scope)[0] == identifier] }

  # The placeholders of the authorizer, as the local cloud fills them with its own issuer and client.
  http_api_text      = local.http_api_exists ? jsonencode(local.http_api) : ""
  uses_cognito       = strcontains(local.http_api_text, "$${cognito_issuer_url}") || strcontains(local.http_api_text, "$${cognito_client_id}")
  cognito_issuer_url = var.cognito_user_pool_id == null ? "" : "https://cognito-idp.${var.region}.amazonaws.com/${var.cognito_user_pool_id}"
  jwt_placeholders = {
    cognito_issuer_url = local.cognito_issuer_url
    cognito_client_id  = try(aws_cognito_user_pool_client.api[0].id, "")
    region             = var.region
    account_id         = var.account_id
  }
  jwt_authorizer = local.jwt_scheme_name == null ? null : {
    issuer           = templatestring(local.jwt_schemes[local.jwt_scheme_name].jwtConfiguration.issuer, local.jwt_placeholders)
    audience         = [for audience in local.jwt_schemes[local.jwt_scheme_name].jwtConfiguration.audience : templatestring(audience, local.jwt_placeholders)]
    identity_sources = [for source in split(",", try(local.jwt_schemes[local.jwt_scheme_name].identitySource, "$request.header.Authorization")) : trimspace(source)]
  }
}

# The scopes the routes require, in the environment's user pool: only tokens granted them pass the authorizer.
resource "aws_cognito_resource_server" "this" {
  for_each = local.deployed && local.uses_cognito ? local.resource_servers : {}

  user_pool_id = var.cognito_user_pool_id
  identifier   = each.key
  name         = "${var.name_prefix}-${each.key}"

  dynamic "scope" {
    for_each = each.value

    content {
      scope_name        = scope.value
      scope_description = "Required by the ${var.service} HTTP API routes that list ${each.key}/${scope.value} (http-api.yaml)."
    }
  }
}

# The app client the authorizer accepts (`${cognito_client_id}`). With custom scopes it is a confidential client
# that gets them through the client credentials grant (user sign-in never grants a resource server's scope).
resource "aws_cognito_user_pool_client" "api" {
  count = local.deployed && local.uses_cognito ? 1 : 0

  name                                 = "${var.name_prefix}-${var.service}-api"
  user_pool_id                         = var.cognito_user_pool_id
  generate_secret                      = length(local.custom_scopes) > 0
  allowed_oauth_flows_user_pool_client = length(local.custom_scopes) > 0
  allowed_oauth_flows                  = length(local.custom_scopes) > 0 ? ["client_credentials"] : null
  allowed_oauth_scopes                 = length(local.custom_scopes) > 0 ? local.custom_scopes : null
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = length(local.custom_scopes) > 0 ? ["ALLOW_REFRESH_TOKEN_AUTH"] : ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"

  depends_on = [aws_cognito_resource_server.this]
}

module "http_api" {
  source = "../http-api"
  count  = local.deployed ? 1 : 0

  name        = "${var.name_prefix}-${var.service}-http"
  description = try(local.http_api.info.description, "The ${var.service} HTTP API, deployed from apps/${var.service}/api/http-api.yaml.")
  functions = {
    for key in local.http_function_keys : key => {
      function_name          = var.functions[key].function_name
      invoke_arn             = var.functions[key].invoke_arn
      timeout_milliseconds   = try(one(distinct([for route in values(local.http_routes) : route.timeout_milliseconds if route.function == key])), 30000)
      payload_format_version = try(one(distinct([for route in values(local.http_routes) : route.payload_format_version if route.function == key])), "2.0")
    }
  }
  routes         = { for key, route in local.http_routes : key => { function = route.function, authorization = route.authorization, authorization_scopes = route.authorization_scopes, authorizer = route.authorizer } }
  jwt_authorizer = local.jwt_authorizer
  lambda_authorizers = {
    for name, authorizer in local.lambda_authorizers : name => {
      function_name           = var.functions[authorizer.function].function_name
      invoke_arn              = var.functions[authorizer.function].invoke_arn
      payload_format_version  = authorizer.payload_format_version
      enable_simple_responses = authorizer.enable_simple_responses
      identity_sources        = authorizer.identity_sources
      result_ttl_in_seconds   = authorizer.result_ttl_in_seconds
    }
  }
  cors                   = local.cors
  throttling_burst_limit = var.throttling_burst_limit
  throttling_rate_limit  = var.throttling_rate_limit
  log_retention_in_days  = var.log_retention_in_days
  tags                   = var.tags
}

# What this module can deploy of http-api.yaml (AWS_PROXY routes to declared functions, one JWT authorizer: Cognito's,
# Lambda authorizers on declared functions),
# each culprit named, so the stack refuses the plan rather than deploy part of the file.
locals {
  # What a Lambda authorizer may declare; anything else (authorizerCredentials...) the local cloud refuses too.
  lambda_authorizer_settings = ["type", "identitySource", "authorizerUri", "authorizerPayloadFormatVersion", "authorizerResultTtlInSeconds", "enableSimpleResponses"]

  declaration_errors = !local.http_api_exists ? [] : concat(
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> only aws_proxy integrations with uri $${lambda_invoke_arns.<function>} and payloadFormatVersion '1.0' or '2.0' are deployed" if lower(try(operation.integration.type, "")) != "aws_proxy" || local.http_routes[key].function == "" || !contains(["1.0", "2.0"], local.http_routes[key].payload_format_version)],
    [for key, route in local.http_routes : "http-api.yaml ${key} -> function ${route.function} is not in functions.yaml" if route.function != "" && !contains(keys(var.functions), route.function)],
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> security: one requirement naming the JWT scheme or a Lambda authorizer (alternatives and other schemes are not deployed)" if length(operation.security) > 1 || length(try(keys(operation.security[0]), [])) > 1 || anytrue([for name in try(keys(operation.security[0]), []) : name != local.jwt_scheme_name && !contains(keys(local.request_schemes), name)])],
    [for key in local.http_function_keys : "http-api.yaml: routes of ${key} declare different timeoutInMillis (one integration per function)" if length(distinct([for route in values(local.http_routes) : route.timeout_milliseconds if route.function == key])) > 1],
    [for key in local.http_function_keys : "http-api.yaml: routes of ${key} declare different payloadFormatVersion (one integration per function)" if length(distinct([for route in values(local.http_routes) : route.payload_format_version if route.function == key])) > 1],
    [for key, route in local.http_routes : "http-api.yaml ${key} -> a route behind a Lambda authorizer takes no scopes" if route.authorization == "CUSTOM" && length(try(local.http_operations[key].security[0][route.authorizer], [])) > 0],
    [for name, a in local.lambda_authorizers : "http-api.yaml components.securitySchemes.${name} -> authorizerUri must be $${lambda_invoke_arns.<function>} of a function in functions.yaml" if a.function == "" || !contains(keys(var.functions), a.function)],
    [for name, a in local.lambda_authorizers : "http-api.yaml components.securitySchemes.${name} -> authorizerPayloadFormatVersion '1.0' or '2.0', simple responses with '2.0' only" if !contains(["1.0", "2.0"], a.payload_format_version) || (a.enable_simple_responses == true && a.payload_format_version != "2.0")],
    [for name, a in local.lambda_authorizers : "http-api.yaml components.securitySchemes.${name} -> authorizerResultTtlInSeconds from 0 to 3600" if !try(a.result_ttl_in_seconds >= 0 && a.result_ttl_in_seconds <= 3600 && floor(a.result_ttl_in_seconds) == a.result_ttl_in_seconds, false)],
    [for name, a in local.lambda_authorizers : "http-api.yaml components.securitySchemes.${name} -> ${join(", ", setsubtract(a.settings, local.lambda_authorizer_settings))} not deployed" if length(setsubtract(a.settings, local.lambda_authorizer_settings)) > 0],
    length(local.jwt_schemes) > 1 ? ["http-api.yaml components.securitySchemes -> more than one JWT authorizer (one is deployed)"] : [],
    [for name, scheme in try(local.http_api.components.securitySchemes, {}) : "http-api.yaml components.securitySchemes.${name} -> only jwt and request (Lambda) authorizers are deployed" if can(scheme["x-amazon-apigateway-authorizer"]) && !contains(keys(local.jwt_schemes), name) && !contains(keys(local.request_schemes), name)],
    local.uses_cognito && !var.has_cognito_user_pool ? ["http-api.yaml -> uses $${cognito_issuer_url} or $${cognito_client_id}: pass the environment's cognito_user_pool_id"] : [],
  )
}

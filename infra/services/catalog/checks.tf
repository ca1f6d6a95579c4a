# What api.tf can deploy of http-api.yaml (AWS_PROXY routes to declared functions, one JWT authorizer: Cognito's),
# checked with the service module's own checks before anything is planned, each culprit named.
locals {
  http_api_errors = !local.http_api_exists ? [] : concat(
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> only aws_proxy integrations with uri $${lambda_invoke_arns.<function>} and payloadFormatVersion '2.0' are deployed" if lower(try(operation.integration.type, "")) != "aws_proxy" || local.http_routes[key].function == "" || try(operation.integration.payloadFormatVersion, "") != "2.0"],
    [for key, route in local.http_routes : "http-api.yaml ${key} -> function ${route.function} is not in functions.yaml" if route.function != "" && !contains(keys(module.service.functions), route.function)],
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> security: one requirement naming the JWT scheme (alternatives and other schemes are not deployed)" if length(operation.security) > 1 || anytrue([for name in try(keys(operation.security[0]), []) : name != local.jwt_scheme_name])],
    [for key in local.http_function_keys : "http-api.yaml: routes of ${key} declare different timeoutInMillis (one integration per function)" if length(distinct([for route in values(local.http_routes) : route.timeout_milliseconds if route.function == key])) > 1],
    length(local.jwt_schemes) > 1 ? ["http-api.yaml components.securitySchemes -> more than one JWT authorizer (one is deployed)"] : [],
    [for name, scheme in try(local.http_api.components.securitySchemes, {}) : "http-api.yaml components.securitySchemes.${name} -> only jwt authorizers are deployed" if can(scheme["x-amazon-apigateway-authorizer"]) && !contains(keys(local.jwt_schemes), name)],
    local.uses_cognito && !local.has_cognito_user_pool ? ["http-api.yaml -> uses $${cognito_issuer_url} or $${cognito_client_id}: pass the environment's cognito_user_pool_id"] : [],
  )
  declaration_errors = concat(local.http_api_errors, module.service.declaration_errors)
}

resource "terraform_data" "declarations" {
  input = local.service

  lifecycle {
    precondition {
      condition     = length(local.declaration_errors) == 0
      error_message = "apps/${local.service}/api declares references to things it does not declare:\n${join("\n", local.declaration_errors)}"
    }
  }
}

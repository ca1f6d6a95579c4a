variable "name" {
  description = "Prefix of alarm names and the dashboard name (harbor-<env>-<service>)."
  type        = string
}

variable "functions" {
  description = "Function names by function key: each gets an Errors and a Throttles alarm."
  type        = map(string)
  default     = {}
}

variable "dead_letter_queues" {
  description = "Dead-letter queue names by a stable key: each gets an alarm as soon as one message is visible."
  type        = map(string)
  default     = {}
}

variable "rest_apis" {
  description = "REST API stages by key: each gets a 5xx-rate and a p99-latency alarm."
  type = map(object({
    api_name   = string
    stage_name = string
  }))
  default = {}
}

variable "http_apis" {
  description = "HTTP API ids by key ($default stage): each gets a 5xx-rate and a p99-latency alarm."
  type        = map(string)
  default     = {}
}

variable "api_5xx_rate_threshold" {
  description = "Fraction of requests answered 5xx (0.01 = 1 %) above which the API alarms."
  type        = number
  default     = 0.01
}

variable "api_latency_p99_threshold_ms" {
  description = "p99 latency in milliseconds above which the API alarms."
  type        = number
  default     = 3000
}

variable "lambda_errors_threshold" {
  description = "Function errors per period at or above which the function alarms."
  type        = number
  default     = 1
}

variable "lambda_throttles_threshold" {
  description = "Throttled invocations per period at or above which the function alarms."
  type        = number
  default     = 1
}

variable "period_seconds" {
  description = "Period of every alarm's statistic."
  type        = number
  default     = 300
}

variable "evaluation_periods" {
  description = "Consecutive breaching periods before the API and function alarms fire (DLQ alarms fire on the first)."
  type        = number
  default     = 1
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or recovers (e.g. an on-call SNS topic)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every alarm and the dashboard."
  type        = map(string)
  default     = {}
}

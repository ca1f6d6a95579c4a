variable "name" {
  description = "Physical table name (harbor-<env>-<table key>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.name))
    error_message = "name must be 3-255 letters, digits, underscores, hyphens or dots."
  }
}

variable "hash_key" {
  description = "Partition key: attribute name and type (S, N or B)."
  type = object({
    name = string
    type = string
  })

  validation {
    condition     = contains(["S", "N", "B"], var.hash_key.type)
    error_message = "hash_key.type must be S, N or B."
  }
}

variable "range_key" {
  description = "Sort key: attribute name and type (S, N or B), or null for a hash-only table."
  type = object({
    name = string
    type = string
  })
  default = null

  validation {
    condition     = var.range_key == null || contains(["S", "N", "B"], try(var.range_key.type, ""))
    error_message = "range_key.type must be S, N or B."
  }
}

variable "global_secondary_indexes" {
  description = "Global secondary indexes. projection_type is ALL, KEYS_ONLY or INCLUDE (with non_key_attributes)."
  type = list(object({
    name               = string
    hash_key           = object({ name = string, type = string })
    range_key          = optional(object({ name = string, type = string }))
    projection_type    = optional(string, "ALL")
    non_key_attributes = optional(list(string))
  }))
  default = []

  validation {
    condition = alltrue([
      for index in var.global_secondary_indexes :
      contains(["ALL", "KEYS_ONLY", "INCLUDE"], index.projection_type) && (index.projection_type == "INCLUDE") == (index.non_key_attributes != null)
    ])
    error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE, and non_key_attributes is given exactly when it is INCLUDE."
  }
}

variable "stream_view_type" {
  description = "Stream view type (NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY), or null for no stream."
  type        = string
  default     = null

  validation {
    condition     = var.stream_view_type == null || contains(["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"], coalesce(var.stream_view_type, "none"))
    error_message = "stream_view_type must be NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY."
  }
}

variable "ttl_attribute" {
  description = "Attribute holding the expiry epoch seconds, or null for no TTL."
  type        = string
  default     = null
}

variable "point_in_time_recovery_enabled" {
  description = "Continuous backups (35 days of point-in-time recovery)."
  type        = bool
  default     = false
}

variable "deletion_protection_enabled" {
  description = "Refuse DeleteTable until turned off (on in production)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to the table."
  type        = map(string)
  default     = {}
}

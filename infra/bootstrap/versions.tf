terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # No backend: this root creates the bucket the environments keep their state in, so its own (small) state is
  # local. Keep terraform.tfstate somewhere safe, or move it into the bucket afterwards (infra/README.md).
}

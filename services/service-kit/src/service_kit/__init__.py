"""Shared infrastructure for the Thi Đua Số services (no domain logic; never imports a service)."""

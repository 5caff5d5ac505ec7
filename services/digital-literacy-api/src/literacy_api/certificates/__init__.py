"""Certificates: issued by training records, verified publicly, printed, revoked."""

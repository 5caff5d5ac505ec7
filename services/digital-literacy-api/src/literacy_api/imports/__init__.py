"""Bulk imports of training records from communes' spreadsheets and learning platforms."""

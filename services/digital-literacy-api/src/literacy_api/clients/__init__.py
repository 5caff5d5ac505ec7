"""Typed clients of the services digital-literacy-api calls (campaign-api's directory of units)."""

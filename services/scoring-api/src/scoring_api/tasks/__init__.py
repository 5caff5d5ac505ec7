"""The caller's scorecards to act on: campaign-api's tasks inbox asks for them with the caller's token."""

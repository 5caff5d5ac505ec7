"""The xAPI document resources: activity state, activity profile and agent profile."""

"""Taking part in a movement: enrolled units, their implementation plans, progress reports, KPIs and the summary."""

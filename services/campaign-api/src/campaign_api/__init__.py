"""campaign-api: Movements (campaigns), their phases, targets, participants, plans, reports, initiatives and commendations; the directory of units and localities; the built-in token issuer."""

"""Files of campaign-api (dossiers' annexes, decisions, plans, evidence), on the kit's file store."""

"""The tasks inbox keeps no table of its own: every task is read from the objects that wait (plans and
reports, registrations, dossiers, council votes) and from scoring-api's scorecards."""

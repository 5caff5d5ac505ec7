"""The competence frameworks have no tables: they are static reference data (`framework.py`)."""

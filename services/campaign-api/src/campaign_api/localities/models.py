"""The localities domain keeps no table: the provinces and communes are reference data shipped in the
`reference_data` package and held in memory (`repository.py` reads them)."""

"""Learners: personal data protected (national ID and phone encrypted, found by keyed hash, shown masked)."""

"""Scorecards: self-assessment → review → council approval, automatic criteria, rankings and proposals."""

"""Recognising the advanced: initiatives (sáng kiến) and their assessment, commendations (khen thưởng)."""

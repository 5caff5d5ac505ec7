"""Reference data and personal-data rules every service shares: Vietnam's provinces and communes, and how
national IDs and phone numbers are encrypted, hashed for look-up and masked (Decree 13/2023)."""

"""Training records (one per learner and course), certificates, and a learner's own progress."""

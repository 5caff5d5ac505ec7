"""The training offer: courses (with the competences they teach) and classes at training hubs."""

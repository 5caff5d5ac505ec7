"""The built-in token issuer: accounts of officials and learners, API clients, tokens and sign-up."""

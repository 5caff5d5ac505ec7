"""xAPI learning record store: statements, actor links, and completions that become training records."""

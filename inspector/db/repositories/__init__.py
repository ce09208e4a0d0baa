"""Read repositories: queries that return frozen ``*View`` DTOs, safe to hand to any thread."""

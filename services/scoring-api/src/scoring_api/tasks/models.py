"""No table of its own: the tasks are read from the scorecards and their rounds."""

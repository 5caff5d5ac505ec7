"""Statistics of training: the units' completion rates (coverage statistics come with the imports issue)."""

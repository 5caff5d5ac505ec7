"""The initiative contest: rounds of judging, judges scoring each initiative per criterion, the ranking and the recognition decided."""

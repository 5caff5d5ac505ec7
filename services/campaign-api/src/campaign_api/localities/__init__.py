"""The directory of localities: the 34 provinces and 3,321 communes/wards of July 2025, served from memory."""

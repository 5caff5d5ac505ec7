"""What the localities endpoints return: the reference-data package's own shapes."""

from reference_data.localities import CommuneOut, Locality

__all__ = ["CommuneOut", "Locality"]

"""The directory of units (tập thể): a tree of the province's bodies, with kinds and emulation clusters."""

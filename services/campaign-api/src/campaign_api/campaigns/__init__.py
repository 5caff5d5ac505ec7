"""Emulation movements (phong trào thi đua): contents, objectives, lifecycle, phases with milestones, targets."""

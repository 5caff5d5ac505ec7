"""The digital competence frameworks (Vietnam's Thông tư 02/2025/TT-BGDĐT and DigComp 2.2), static in code."""

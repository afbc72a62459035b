"""Slugs of the four fields of action (loaded by home/migrations/0002_taxonomy_data.py)."""

ENERGY = "energie-und-verkehr"
FOOD = "ernaehrungssystem"
ECONOMY = "finanzen-und-wirtschaft"
SOCIAL = "sozialer-zusammenhalt"

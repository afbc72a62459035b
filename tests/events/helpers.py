"""Slugs of the fields of action the event tests filter by (from the taxonomy migration)."""

ENERGY = "energie-und-verkehr"
FOOD = "ernaehrungssystem"
SOCIAL = "sozialer-zusammenhalt"

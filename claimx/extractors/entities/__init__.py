"""Named entities: one record per person, organisation or place, aliases linked."""

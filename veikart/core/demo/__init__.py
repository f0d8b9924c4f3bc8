"""The Borgen demo: invented content whose totals match Asker kommune's Borgen project."""

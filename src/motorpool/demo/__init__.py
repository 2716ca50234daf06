"""The demo brand's seed data."""

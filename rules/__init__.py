"""newslint rule packs: YAML rules and word lists, shipped as package data."""

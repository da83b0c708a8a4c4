"""Data files: lexicons, dictionaries and patterns, each with its sources written in it."""

"""Resolution: places against the gazetteer, actors against the dictionary, dates against publication."""

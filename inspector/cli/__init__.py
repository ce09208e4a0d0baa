"""The command line: the top layer, which may import every other layer except central."""

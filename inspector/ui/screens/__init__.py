"""One module per main screen of the window."""

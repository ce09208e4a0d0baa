"""Reusable widgets and multi-step flows (import) shared by screens."""

"""The checklist engine: formats, the expression language, versions and drafts (no Qt)."""

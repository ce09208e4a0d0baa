"""Sync between the laptop and the central platform.

``protocol`` holds the typed messages both sides share; the client engine, transport
and credential store join it with the offline-sync work.
"""

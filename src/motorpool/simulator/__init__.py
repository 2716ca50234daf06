"""A vehicle simulator: the real local stand-in for a brand's connected-car backend.

Simulated cars drive, charge and lock; they report status to the platform's ingestion
endpoint over HTTP in batches, show pairing codes on their display and execute remote
commands sent to their control API (what :class:`HttpVehicleConnection` talks to).
"""

"""The sync engine: one run of one channel (engine.py), its rules (orders, stock, listings,
tracking), the journal of actions that sends each change once (actions.py, recovery.py)
and the per-channel lock (lock.py)."""

"""The sync engine: one run of one channel (engine.py), its rules (orders, stock, listings,
tracking), the journal of actions that sends each change once (actions.py; recovery.py
reads back what Allegro holds when an answer was lost, late_writes.py watches quantities
that may land late) and the per-channel lock (lock.py)."""

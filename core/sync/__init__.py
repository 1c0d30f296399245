"""The sync engine: one run of one channel as its steps (engine.py), with the run's
record (run_record.py), reading Allegro (reading.py), planning by the rules (planning.py:
listings, stock, buffers, tracking, guards), sending through one batch template
(sending.py) and the journal that sends each change once (actions.py; recovery.py reads
back what Allegro holds when an answer was lost). Map: docs/architecture.md."""

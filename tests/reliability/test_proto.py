from core.db import database
from tests.reliability.scenario import differences
def test_proto(scenario, reference_after_one_run):
    for k in (0, 1, 2, 3, 5, 8, 12):
        scenario.reset()
        database.execute_sql("VACUUM")
        pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
        database.execute_sql(f"PRAGMA max_page_count = {pages + k}")
        r = scenario.sync()
        print("k", k, "code", r.code, "crash", r.crash[:300], "err", r.err.strip()[:300])
        database.execute_sql("PRAGMA max_page_count = 1073741823")
        print("  loose", scenario.loose_ends()[:3])
        r2 = scenario.sync()
        print("  rerun", r2.code, r2.crash[:200], r2.err.strip()[:200], differences(reference_after_one_run, scenario.snapshot())[:3])

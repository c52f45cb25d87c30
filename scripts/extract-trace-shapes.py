#!/usr/bin/env python3
"""Cuts the demand shapes the simulator's synthetic fleet replays from the development traces.

Writes src/main/resources/simulator/traces/<name>.shape: two whole weeks of one trace at a 5-minute step, divided by
the 95th percentile of those two weeks, 3 decimals, one value per line after a two-line header (what it is, and
`step=PT5M first-day=<WEEKDAY>` for the weekday alignment). Two weeks are enough for a daily and weekly shape that
the simulator replays cyclically; the full traces stay in ../shared/traces. Missing values repeat the previous one.

Usage: scripts/extract-trace-shapes.py [../shared/traces]
"""
import csv
import datetime as dt
import pathlib
import sys

SHAPES = [
    # name, file, first row (inclusive) as timestamp, what it is
    ("nasa_http", "nasa_http_5min.csv", "1995-07-01 00:00:00",
     "NASA Kennedy Space Center HTTP requests per 5 minutes (ITA NASA-HTTP), 1995-07-01 to 07-14, UTC-4"),
    ("crane_app13", "crane_app13_cpu_1min.csv", "2021-10-09 00:00:00",
     "CPU of a production Kubernetes workload (gocrane/crane input13, Apache-2.0), 2021-10-09 to 10-22, 5-minute means"),
    ("nab_aws_elb", "nab_aws_elb_requests_5min.csv", "2014-04-10 00:04:00",
     "AWS ELB request count per 5 minutes (numenta/NAB elb_request_count_8c0756, MIT), 2014-04-10 to 04-23"),
]
STEP = dt.timedelta(minutes=5)
WEEKS = 2


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/traces")
    out = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/simulator/traces"
    for name, file, first, what in SHAPES:
        start = dt.datetime.fromisoformat(first)
        n = WEEKS * 7 * 24 * 12
        buckets = [[] for _ in range(n)]
        last = None
        with open(src / file, newline="") as f:
            for row in csv.DictReader(f):
                t = dt.datetime.fromisoformat(row["timestamp"])
                i = (t - start) // STEP
                if i < 0 or i >= n:
                    continue
                if row["value"].strip():
                    last = float(row["value"])
                if last is not None:
                    buckets[i].append(last)
        values = []
        for b in buckets:
            values.append(sum(b) / len(b) if b else values[-1])
        p95 = sorted(values)[int(len(values) * 0.95)]
        lines = [f"# {name}: {what}; divided by the 95th percentile of these two weeks (scripts/extract-trace-shapes.py)",
                 f"# step=PT5M first-day={start.strftime('%A').upper()}"]
        lines += [f"{v / p95:.3f}" for v in values]
        (out / f"{name}.shape").write_text("\n".join(lines) + "\n")
        print(f"{name}: {len(values)} values, p95 {p95:g}, first day {start.strftime('%A')}")


if __name__ == "__main__":
    main()

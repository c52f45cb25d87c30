#!/usr/bin/env python3
"""Writes a seeded synthetic 15-month hourly demand trace (daily and weekly cycle, slow trend, noise, rare bursts)
for timing the replay on a long trace: scripts/synthetic-hourly-trace.py > target/hourly-15months.csv"""
import datetime
import math
import random

random.seed(1)
t0 = datetime.datetime(2023, 1, 1)
print('timestamp,value')
for h in range(456 * 24):
    d = t0 + datetime.timedelta(hours=h)
    v = (100 + 50 * math.sin(2 * math.pi * h / 24) + 20 * (1 if d.weekday() < 5 else -1) + h / 200
         + random.gauss(0, 8) + (60 if random.random() < 0.01 else 0))
    print(d.strftime('%Y-%m-%d %H:%M:%S') + ',' + str(round(max(v, 1), 2)))

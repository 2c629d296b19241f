#!/usr/bin/env python3
"""Writes a parties CSV for trying and measuring `mutual import parties`: N rows with unique emails,
a few tags and phones, and (with --bad) one bad row in every 1,000.
Usage: scripts/import-csv.py N > parties.csv   (then: mutual import parties parties.csv --owner …)"""
import random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
bad = "--bad" in sys.argv
rnd = random.Random(7)
first = ["Ana", "Bruno", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Julia", "Kenji", "Lea"]
last = ["Lima", "Novak", "Okafor", "Schmidt", "Tanaka", "Rossi", "Silva", "Berg", "Kowalski", "Haddad"]
tags = ["customer", "prospect", "vip", "eu", "us", "partner", "newsletter"]
out = sys.stdout
out.write("name,kind,email,phone,tags,website\n")
for i in range(n):
    if bad and i % 1000 == 999:
        out.write(f"Broken {i},alien,not-an-email,,,\n")
        continue
    if i % 10 == 0:
        out.write(f"\"{rnd.choice(last)} & Co {i}, Ltd\",organization,info{i}@co{i}.example,+1 555 {i:07d},\"{rnd.choice(tags)};b2b\",co{i}.example\n")
    else:
        name = f"{rnd.choice(first)} {rnd.choice(last)} {i}"
        out.write(f"{name},person,p{i}@people.example,+44 20 {i:07d},{rnd.choice(tags)};{rnd.choice(tags)},\n")

# Writes tables.txt: the contingency tables the fixtures cover (one per line, rows ';'-separated).
# Hand-picked edge cases first, then seeded random tables from 2x2 to 5x6 with totals 10..5000.
# Run: python3 make_tables.py   (numpy)
import numpy as np

hand = [
    "12,5,9;7,14,3",                       # the example
    "12,5,9,14;7,14,3,10;20,25,17,20",     # W4 (Benchmarks/peers/README.md)
    "50,32;32,42",                         # survey anchor 50/82 vs 32/74
    "3,1;1,3",                             # Fisher's tea tasting
    "10,0;0,10",                           # perfect association, zero cells
    "0,5;5,0",
    "1,9;11,3",
    "2,3;4,1",                             # total 10, small expected counts
    "7,0;3,5",
    "1,2,3;4,5,6",
    "0,1,2;3,0,1;2,2,0",                   # zero cells everywhere, tiny counts
    "5,0,0;0,5,0;0,0,5",
    "20,15;30,35;10,40",
    "1,1,1,1;1,1,1,6",
    "4,0,2,1,1;0,3,1,2,0",
    "1000,1500;1200,1300",                 # total 5000
    "250,270,230,250;240,260,260,240;255,245,250,250;260,250,240,250",
    "30,1;1,30",
]
rng = np.random.default_rng(20261129)
shapes = [(2, 2), (2, 3), (3, 2), (2, 4), (3, 3), (3, 4), (4, 3), (2, 5), (4, 4), (3, 5),
          (5, 3), (4, 5), (5, 5), (5, 6), (2, 6), (3, 6), (2, 2), (3, 3), (2, 3), (4, 4)]
totals = [10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 300, 500, 1000, 2000, 3000,
          5000, 45]
rand = []
for (r, c), n in zip(shapes, totals):
    p = rng.dirichlet(np.ones(r * c))
    t = rng.multinomial(n, p).reshape(r, c)
    # keep every margin positive (zero margins are tested separately)
    for i in range(r):
        if t[i].sum() == 0:
            t[i, 0] += 1
    for j in range(c):
        if t[:, j].sum() == 0:
            t[0, j] += 1
    rand.append(";".join(",".join(str(v) for v in row) for row in t))
with open("tables.txt", "w") as f:
    for line in hand + rand:
        f.write(line + "\n")

module example.com/benchdiff

go 1.19

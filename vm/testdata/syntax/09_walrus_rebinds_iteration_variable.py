values = [1, 2]
[i := 0 for i in values]

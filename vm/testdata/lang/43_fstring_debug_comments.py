# PEP 701: inside brackets, a self-documenting field may have comments and line
# breaks after its "=": the text keeps the breaks, not the comments.
print(f"{1+2 = # my comment
  }")
x = (f"{1+2 =   # one
   # two
 !s}", f'''{3*4=
}''')
print(x)
items = [f"{len('ab') = # length
}", f"{'x' * 2=}"]
print(items)
